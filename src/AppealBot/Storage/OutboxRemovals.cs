namespace AppealBot.Storage;

/// <summary>
/// Sent replies waiting to be deleted from the outbox. Each write transaction takes what is queued when it begins and
/// deletes it with its own changes, so under steady traffic removals cost no commit (and no fsync) of their own; a
/// transaction that does not commit puts them back.
/// </summary>
internal sealed class OutboxRemovals
{
    private readonly Lock _gate = new();
    private List<OutboxRemoval> _queued = [];
    private TaskCompletionSource _givenBack = NewSignal();

    public Task Queue(IReadOnlyCollection<long> ids)
    {
        var removal = new OutboxRemoval(ids);
        lock (_gate)
        {
            _queued.Add(removal);
        }

        return removal.Done.Task;
    }

    /// <summary>Everything queued so far, now the caller's to delete (or to give back).</summary>
    public List<OutboxRemoval> Take()
    {
        lock (_gate)
        {
            var taken = _queued;
            _queued = [];
            return taken;
        }
    }

    public void GiveBack(IReadOnlyCollection<OutboxRemoval> removals)
    {
        if (removals.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _queued.InsertRange(0, removals);
            _givenBack.TrySetResult();
            _givenBack = NewSignal();
        }
    }

    /// <summary>
    /// The writer's <see cref="IUpdateWriter.FlushRemovalsAsync"/>: returns once <paramref name="removed"/> is committed.
    /// While removals are queued they are committed in a transaction of their own; when a transaction still running
    /// took this one, it waits for that transaction to commit it or give it back (never spinning on the queue: on
    /// PostgreSQL a batch's transaction can hold a removal for as long as the batch takes).
    /// </summary>
    public async Task FlushAsync(IUpdateWriter writer, Task removed, CancellationToken cancellationToken)
    {
        while (!removed.IsCompleted)
        {
            Task givenBack;
            bool queued;
            lock (_gate)
            {
                givenBack = _givenBack.Task;
                queued = _queued.Count > 0;
            }

            if (queued)
            {
                await using var transaction = await writer.BeginAsync(cancellationToken);
                if (transaction.CarriesRemovals)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            else
            {
                await Task.WhenAny(removed, givenBack).WaitAsync(cancellationToken);
            }
        }

        await removed;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Outbox rows to delete, and the signal that their deletion is committed.</summary>
internal sealed record OutboxRemoval(IReadOnlyCollection<long> Ids)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
