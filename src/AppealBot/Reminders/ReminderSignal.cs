using AppealBot.Hosting;

namespace AppealBot.Reminders;

/// <summary>
/// Wakes the dispatcher when a reminder was added that falls due before the dispatcher's next round, so it is not
/// late; an update that added none, or only later ones, does not wake it (it used to wake for every committed batch).
/// </summary>
internal sealed class ReminderSignal : WakeSignal
{
    private const long Awake = long.MinValue;
    private long _nextRoundUnixMs = Awake;

    /// <summary>The dispatcher starts a round: anything added from now on may be missed by its queries, so it wakes it.</summary>
    public void RoundStarted() => Interlocked.Exchange(ref _nextRoundUnixMs, Awake);

    /// <summary>The dispatcher is about to sleep until <paramref name="next"/>.</summary>
    public void SleepingUntil(DateTimeOffset next) => Interlocked.Exchange(ref _nextRoundUnixMs, next.ToUnixTimeMilliseconds());

    public void Added(long? earliestDueUnixMs)
    {
        var next = Interlocked.Read(ref _nextRoundUnixMs);
        if (earliestDueUnixMs is { } due && (next == Awake || due < next))
        {
            Wake();
        }
    }
}
