namespace AppealBot.Storage;

/// <summary>
/// Where the update path's units of work begin, whatever the engine: one <see cref="UpdateTransaction"/> per update (or
/// batch), and sent replies' removals from the outbox, which ride along with the next one.
/// </summary>
internal interface IUpdateWriter
{
    /// <summary>A write transaction; it already carries the removals queued so far.</summary>
    Task<UpdateTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>A transaction for reading only (the reminder dispatcher's view of a user and their cases).</summary>
    Task<UpdateTransaction> BeginReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues the deletion of these outbox rows for the next write transaction, which commits it with its own
    /// changes; completes once that commit is durable. <see cref="FlushRemovalsAsync"/> commits them without waiting.
    /// </summary>
    Task QueueRemovals(IReadOnlyCollection<long> ids);

    /// <summary>
    /// Commits the queued removals now and returns once <paramref name="removed"/> (what <see cref="QueueRemovals"/>
    /// returned) is committed, by this flush or by the transaction that took it.
    /// </summary>
    Task FlushRemovalsAsync(Task removed, CancellationToken cancellationToken);

    /// <summary>Whether the database takes writes right now (for /readyz): reachable, not locked, not read-only.</summary>
    Task<bool> TakesWritesAsync(CancellationToken cancellationToken);
}
