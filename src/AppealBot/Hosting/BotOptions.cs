namespace AppealBot.Hosting;

internal sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Telegram user ids allowed to use operator commands.</summary>
    public long[] OperatorIds { get; set; } = [];

    /// <summary>How many users' updates are handled at the same time; one user's updates are always sequential.</summary>
    public int MaxConcurrentUsers { get; set; } = 16;
}
