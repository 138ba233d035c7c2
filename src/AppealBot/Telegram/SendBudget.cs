using AppealBot.Hosting;
using Microsoft.Extensions.Options;

namespace AppealBot.Telegram;

internal enum SendPriority
{
    /// <summary>An answer to a user who is talking to the bot.</summary>
    Reply,

    /// <summary>A reminder or any other message the user did not just ask for.</summary>
    Background,
}

/// <summary>
/// One budget for every message the bot sends: about 30 per second overall and about one per second per
/// chat (short bursts pass), as Telegram allows. Replies may use the whole budget; background messages
/// leave a reserve for them, so a user who is talking is answered first. A 429 pauses everyone.
/// Pacing runs on real time (Telegram's limits are real seconds), not on the business clock. Telegram's 30/s is per
/// bot: instances sharing a PostgreSQL database divide it by how many of them are alive (<see cref="ShareWith"/>).
/// </summary>
internal sealed class SendBudget
{
    private const int MaxTrackedChats = 10_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly TelegramOptions _options;
    private readonly Dictionary<long, Bucket> _chats = [];
    private Bucket _global;
    private long _pausedUntil;
    private int _instances = 1;

    public SendBudget(IOptions<TelegramOptions> options, TimeProvider realTime)
    {
        _options = options.Value;
        _clock = realTime;
        _global = new Bucket(_options.MessagesPerSecond, _clock.GetTimestamp());
    }

    private bool Unlimited => _options.MessagesPerSecond <= 0;

    /// <summary>This instance's part of the bot's overall rate.</summary>
    private double GlobalRate => _options.MessagesPerSecond / _instances;

    /// <summary>How many instances (this one included) send for the bot now; each then sends at most its share.</summary>
    public void ShareWith(int instances)
    {
        lock (_gate)
        {
            _instances = Math.Max(instances, 1);
        }
    }

    private double ChatRate => _options.MessagesPerChatPerSecond;

    public async Task AcquireAsync(long chatId, SendPriority priority, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = TryTake(chatId, priority, _clock.GetTimestamp());
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _clock, cancellationToken);
        }
    }

    /// <summary>
    /// A call to the chat has been answered: its refill counts from now, not from when the call left. Telegram counts
    /// a message when it arrives, which may be later than when the bot sent it (a slow first connection, jitter), so
    /// counting from the answer keeps the bot's view of a chat's budget never above Telegram's: no 429 in normal use.
    /// </summary>
    public void Answered(long chatId)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (!Unlimited && _chats.TryGetValue(chatId, out var chat) && chat.Stamp < now)
            {
                _chats[chatId] = chat with { Stamp = now };
            }
        }
    }

    /// <summary>Telegram said 429: nothing is sent to anyone before <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _clock.GetTimestamp() + (long)(retryAfter.TotalSeconds * _clock.TimestampFrequency);
            _pausedUntil = Math.Max(_pausedUntil, until);
        }
    }

    private TimeSpan TryTake(long chatId, SendPriority priority, long now)
    {
        if (now < _pausedUntil)
        {
            return Seconds((_pausedUntil - now) / (double)_clock.TimestampFrequency);
        }

        if (Unlimited)
        {
            return TimeSpan.Zero;
        }

        _global = _global.Refill(now, GlobalRate, GlobalRate, _clock.TimestampFrequency);
        var needed = priority == SendPriority.Reply ? 1 : 1 + _options.ReservedForReplies / _instances;
        if (_global.Tokens < needed)
        {
            return Seconds((needed - _global.Tokens) / GlobalRate);
        }

        var chat = _chats.TryGetValue(chatId, out var known)
            ? known.Refill(now, _options.ChatBurst, ChatRate, _clock.TimestampFrequency)
            : new Bucket(_options.ChatBurst, now);
        if (chat.Tokens < 1)
        {
            _chats[chatId] = chat;
            return Seconds((1 - chat.Tokens) / ChatRate);
        }

        _global = _global with { Tokens = _global.Tokens - 1 };
        _chats[chatId] = chat with { Tokens = chat.Tokens - 1 };
        if (_chats.Count > MaxTrackedChats)
        {
            ForgetIdleChats(now);
        }

        return TimeSpan.Zero;
    }

    private void ForgetIdleChats(long now)
    {
        foreach (var (id, bucket) in _chats.ToList())
        {
            if (bucket.Refill(now, _options.ChatBurst, ChatRate, _clock.TimestampFrequency).Tokens >= _options.ChatBurst)
            {
                _chats.Remove(id);
            }
        }
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Max(seconds, 0.001));

    private readonly record struct Bucket(double Tokens, long Stamp)
    {
        public Bucket Refill(long now, double capacity, double perSecond, long frequency) =>
            new(Math.Min(capacity, Tokens + ((now - Stamp) / (double)frequency * perSecond)), now);
    }
}
