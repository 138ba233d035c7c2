using Telegram.Bot.Exceptions;

namespace AppealBot.Telegram;

/// <summary>Which Telegram failures are worth retrying, and how long to wait between tries.</summary>
internal static class TransientFailures
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public static bool IsTransient(Exception exception) => exception switch
    {
        ApiRequestException api => api.ErrorCode >= 500 || api.ErrorCode == 429,
        RequestException => true,
        HttpRequestException => true,
        TaskCanceledException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>1 s, 2 s, 4 s … capped at 30 s, with jitter so many retries do not line up.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Clamp(attempt, 0, 10)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Telegram's description of an error, for logs; never contains the token.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiRequestException api => $"{api.ErrorCode} {api.Message}",
        _ => exception.GetType().Name,
    };
}
