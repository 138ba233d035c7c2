namespace AppealBot.Reminders;

/// <summary>
/// Counts the dispatcher's rounds and says when it last found nothing due: how a caller (a health check,
/// a test) learns that everything due by now has been handled.
/// </summary>
internal sealed class DispatchRounds
{
    private readonly Lock _gate = new();
    private readonly List<(long AfterRound, TaskCompletionSource Done)> _waiters = [];
    private long _started;

    public long Start()
    {
        lock (_gate)
        {
            return ++_started;
        }
    }

    /// <summary>Round <paramref name="round"/> found nothing due: the dispatcher is about to sleep.</summary>
    public void Idle(long round)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            done = [.. _waiters.Where(w => round > w.AfterRound).Select(w => w.Done)];
            _waiters.RemoveAll(w => round > w.AfterRound);
        }

        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes when a round that starts after this call finds nothing due.</summary>
    public Task WaitForIdleAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((_started, done));
        }

        return done.Task;
    }
}
