using System.Diagnostics;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Bench;

/// <summary>
/// One step, in milliseconds: from the update being queued at Telegram to Telegram receiving the bot's last reply
/// to it (the reply latency), and to the simulated user learning it was answered (which adds the outbox watch's
/// look at the bot's database, the fake's bookkeeping and the load generator's own scheduling).
/// </summary>
internal readonly record struct StepLatency(double AtTelegram, double RoundTrip)
{
    public static async Task<(StepLatency Latency, Reply Reply)> OfAsync(Func<Task<Reply>> act)
    {
        var queued = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var reply = await act();
        var roundTrip = watch.Elapsed.TotalMilliseconds;
        var replied = reply.Operations.Count > 0 ? (reply.Operations[^1].At - queued).TotalMilliseconds : roundTrip;
        return (new StepLatency(replied, roundTrip), reply);
    }
}
