namespace AppealBot.Hosting;

internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// Where polling mode serves /healthz and /readyz, such as http://127.0.0.1:8081; empty = no HTTP server.
    /// Webhook mode serves them on Telegram:WebhookListen instead.
    /// </summary>
    public string? Listen { get; set; }
}
