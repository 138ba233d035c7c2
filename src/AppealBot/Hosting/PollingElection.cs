namespace AppealBot.Hosting;

/// <summary>
/// Who may call getUpdates: Telegram serves one poller per bot. With SQLite that is the one process holding the
/// database's lock file (<see cref="SingleProcessElection"/>); with PostgreSQL, the instance holding an advisory lock.
/// </summary>
internal interface IPollingElection
{
    /// <summary>The right to poll if this instance may have it now; null while another instance holds it.</summary>
    Task<IPollingLease?> TryTakeTurnAsync(CancellationToken cancellationToken);
}

/// <summary>The right to poll, until it is disposed or lost.</summary>
internal interface IPollingLease : IAsyncDisposable
{
    /// <summary>False once this instance may no longer poll (the connection that held the right is gone).</summary>
    ValueTask<bool> StillHeldAsync(CancellationToken cancellationToken);
}

/// <summary>SQLite: one process per database (the lock file), so it always has the turn.</summary>
internal sealed class SingleProcessElection : IPollingElection, IPollingLease
{
    public Task<IPollingLease?> TryTakeTurnAsync(CancellationToken cancellationToken) => Task.FromResult<IPollingLease?>(this);

    public ValueTask<bool> StillHeldAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
