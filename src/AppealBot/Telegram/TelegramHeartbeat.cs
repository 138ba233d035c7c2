namespace AppealBot.Telegram;

/// <summary>
/// When Telegram last answered the bot or reached it: a successful getMe, setWebhook, getWebhookInfo or
/// getUpdates, or an authenticated webhook delivery. Readiness reads it.
/// </summary>
internal sealed class TelegramHeartbeat(TimeProvider time)
{
    private const long Never = long.MinValue;
    private long _lastUnixMs = Never;

    public void Beat() => Interlocked.Exchange(ref _lastUnixMs, time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>How long ago Telegram last answered; null when it has not answered since the start.</summary>
    public TimeSpan? SinceLastAnswer
    {
        get
        {
            var last = Interlocked.Read(ref _lastUnixMs);
            return last == Never ? null : time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(last);
        }
    }
}
