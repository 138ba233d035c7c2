namespace AppealBot.Hosting;

/// <summary>Wakes a background loop that sleeps until its next due moment, so new work does not wait for it.</summary>
internal class WakeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake()
    {
        lock (_gate)
        {
            _woken.TrySetResult();
        }
    }

    /// <summary>Returns after <paramref name="timeout"/> on <paramref name="clock"/>, or earlier when woken.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task woken;
        lock (_gate)
        {
            woken = _woken.Task;
        }

        if (!woken.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(woken, Task.Delay(timeout, clock, stop.Token));
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (_gate)
        {
            // A wake is consumed by the wait it ended; one that comes later ends the next wait at once.
            if (_woken.Task == woken && woken.IsCompleted)
            {
                _woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
