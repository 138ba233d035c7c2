namespace AppealBot.Hosting;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The environment variable operators set; named in every token error and never logged.</summary>
    public const string TokenVariable = "Telegram__BotToken";

    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Long-poll timeout passed to getUpdates; the real server caps it around 50 s.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;
}
