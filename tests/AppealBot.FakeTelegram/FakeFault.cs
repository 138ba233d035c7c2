namespace AppealBot.Tests.FakeTelegram;

/// <summary>An error the fake server answers with instead of handling a call; see <see cref="FakeTelegramServer.FailNext"/>.</summary>
public sealed record FakeFault(int StatusCode, string Description, int? RetryAfterSeconds = null, bool DropsConnection = false, bool AppliesFirst = false)
{
    /// <summary>Does what was asked, then aborts the connection before answering: the bot cannot know it happened.</summary>
    public static FakeFault AppliedThenDropped { get; } = new(0, "applied, then connection dropped", DropsConnection: true, AppliesFirst: true);

    public static FakeFault Forbidden { get; } = new(403, "Forbidden: bot was blocked by the user");

    /// <summary>Aborts the TCP connection without an answer, as a network failure would.</summary>
    public static FakeFault DropConnection { get; } = new(0, "connection dropped", DropsConnection: true);

    public static FakeFault TooManyRequests(int retryAfterSeconds) =>
        new(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    public static FakeFault ServerError(int statusCode = 502) =>
        new(statusCode, statusCode == 500 ? "Internal Server Error" : "Bad Gateway");
}
