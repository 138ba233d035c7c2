using System.Diagnostics;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// Telegram's flood control, approximated as token buckets on real time: about <c>perSecond</c> messages overall
/// and <c>perChatPerSecond</c> per chat with short bursts; anything faster gets 429 with retry_after.
/// </summary>
internal sealed class FloodLimits(double perSecond, double perChatPerSecond, double chatBurst)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, (double Tokens, long Stamp)> _chats = [];
    private (double Tokens, long Stamp) _global = (perSecond, Stopwatch.GetTimestamp());

    public static bool Applies(string method) => method is "sendMessage" or "editMessageText" or "sendDocument" or "sendPhoto";

    /// <summary>Null when the message may go, else the retry_after to answer with.</summary>
    public int? Take(long? chatId)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var global = Refill(_global, now, perSecond, perSecond);
            var chat = chatId is { } id && _chats.TryGetValue(id, out var known)
                ? Refill(known, now, chatBurst, perChatPerSecond)
                : (Tokens: chatBurst, Stamp: now);
            if (global.Tokens < 1 || chat.Tokens < 1)
            {
                _global = global;
                return 1;
            }

            _global = (global.Tokens - 1, now);
            if (chatId is { } chatKey)
            {
                _chats[chatKey] = (chat.Tokens - 1, now);
            }

            return null;
        }
    }

    private static (double Tokens, long Stamp) Refill((double Tokens, long Stamp) bucket, long now, double capacity, double rate) =>
        (Math.Min(capacity, bucket.Tokens + ((now - bucket.Stamp) / (double)Stopwatch.Frequency * rate)), now);
}
