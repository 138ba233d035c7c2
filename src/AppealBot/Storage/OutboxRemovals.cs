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

    public Task Queue(IReadOnlyCollection<long> ids)
    {
        var removal = new OutboxRemoval(ids);
        lock (_gate)
        {
            _queued.Add(removal);
        }

        return removal.Done.Task;
    }

    public bool AnyQueued
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count > 0;
            }
        }
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
        }
    }

    /// <summary>The writer's <see cref="IUpdateWriter.FlushRemovalsAsync"/>: a transaction of their own, if any are still queued.</summary>
    public async Task FlushAsync(IUpdateWriter writer, CancellationToken cancellationToken)
    {
        if (!AnyQueued)
        {
            return;
        }

        await using var transaction = await writer.BeginAsync(cancellationToken);
        if (transaction.CarriesRemovals)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

/// <summary>Outbox rows to delete, and the signal that their deletion is committed.</summary>
internal sealed record OutboxRemoval(IReadOnlyCollection<long> Ids)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
