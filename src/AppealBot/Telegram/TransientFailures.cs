using System.Net.Sockets;
using Telegram.Bot.Exceptions;

namespace AppealBot.Telegram;

/// <summary>Which Telegram failures are worth retrying, how long to wait between tries, and how to log them.</summary>
internal static class TransientFailures
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
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
    public static TimeSpan Backoff(int attempt) => Backoff(attempt, FirstDelay, MaxDelay);

    public static TimeSpan Backoff(int attempt, TimeSpan first, TimeSpan max)
    {
        var seconds = Math.Min(max.TotalSeconds, first.TotalSeconds * Math.Pow(2, Math.Clamp(attempt, 0, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>The host (and port) of the Bot API, for logs: the token is in the path, never in the host.</summary>
    public static string HostOf(string apiBaseUrl) =>
        Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var uri) ? uri.Authority : "the Bot API";

    /// <summary>
    /// What went wrong, for logs: Telegram's error code and description, or the HTTP status, the socket error and the
    /// kind of network failure. Never a URL (the token is in its path) and never a message's text.
    /// </summary>
    public static string Describe(Exception exception)
    {
        if (exception is ApiRequestException { ErrorCode: > 0 } api)
        {
            return $"{api.ErrorCode} {api.Message}";
        }

        var parts = new List<string>();
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException http:
                    if (http.StatusCode is { } status)
                    {
                        parts.Add($"HTTP {(int)status}");
                    }

                    if (http.HttpRequestError != HttpRequestError.Unknown)
                    {
                        parts.Add(http.HttpRequestError.ToString());
                    }

                    break;
                case SocketException socket:
                    parts.Add($"socket error {socket.SocketErrorCode}");
                    break;
                case TaskCanceledException or TimeoutException:
                    parts.Add("timed out");
                    break;
                case IOException io when io.InnerException is null:
                    parts.Add("connection lost");
                    break;
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(exception.GetType().Name);
        }

        return string.Join(", ", parts.Distinct());
    }
}
