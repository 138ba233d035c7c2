namespace AppealBot.Hosting;

internal sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Telegram user ids allowed to use operator commands.</summary>
    public long[] OperatorIds { get; set; } = [];

    /// <summary>How many users' updates are handled at the same time; one user's updates are always sequential.</summary>
    public int MaxConcurrentUsers { get; set; } = 16;

    /// <summary>Closed cases, and users inactive this many days, are deleted (privacy: nothing is kept for ever).</summary>
    public int RetentionDays { get; set; } = 365;
}
