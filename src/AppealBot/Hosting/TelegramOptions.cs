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

    /// <summary>Messages per second across all chats (Telegram allows about 30); 0 switches the limits off.</summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one chat (Telegram allows about one)…</summary>
    public double MessagesPerChatPerSecond { get; set; } = 1;

    /// <summary>…with short bursts of this many messages (Telegram's own flood control allows about three).</summary>
    public double ChatBurst { get; set; } = 3;

    /// <summary>Of the overall budget, this much is kept for replies: reminders never use it.</summary>
    public double ReservedForReplies { get; set; } = 5;

    /// <summary>
    /// A chat already owed this many replies (the user writes faster than Telegram lets the bot answer) gets one "slow
    /// down" notice, and its further typed messages are recorded without an effect until the backlog shrinks.
    /// </summary>
    public int MaxOwedPerChat { get; set; } = 10;

    /// <summary>A reply that could not be sent for this long (Telegram or the network down) is dropped as no longer useful.</summary>
    public TimeSpan ReplyLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first wait after a transient failure; it doubles on each failure in a row, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On SIGTERM, how long the bot goes on sending what it owes before it exits (the rest goes at the next start).</summary>
    public TimeSpan ShutdownDrain { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The public https URL Telegram posts updates to; set = webhook mode, empty = long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Telegram sends it back in every webhook request; requests without it are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where the bot listens for webhook requests (and health checks), behind the reverse proxy.</summary>
    public string WebhookListen { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Larger webhook requests are refused with 413; Telegram's updates are a few kilobytes.</summary>
    public long WebhookMaxBodyBytes { get; set; } = 1024 * 1024;

    internal bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>The local path of the webhook: the proxy passes the public URL's path on unchanged.</summary>
    internal string WebhookPath => new Uri(WebhookUrl!).AbsolutePath;
}
