using System.Data;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// The one connection updates are written through, kept open with its prepared statements, one transaction at
/// a time (SQLite has one writer anyway). If ending a transaction fails, the connection is closed and the next
/// transaction opens a fresh one. Sent replies queued for removal from the outbox ride along with the next
/// transaction, so under steady traffic they cost no commit (and no fsync) of their own.
/// </summary>
internal sealed class UpdateWriter(Database database, WalSignal written) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _removalsGate = new();
    private List<OutboxRemoval> _queuedRemovals = [];
    private List<OutboxRemoval> _carriedRemovals = [];
    private SqliteConnection? _connection;
    private Statements? _statements;

    /// <summary>
    /// Queues the deletion of these outbox rows for the next write transaction, which commits it with its own
    /// changes; completes once that commit is durable. <see cref="FlushRemovalsAsync"/> commits them without waiting.
    /// </summary>
    public Task QueueRemovals(IReadOnlyCollection<long> ids)
    {
        var removal = new OutboxRemoval(ids);
        lock (_removalsGate)
        {
            _queuedRemovals.Add(removal);
        }

        return removal.Done.Task;
    }

    /// <summary>Commits the queued removals now, unless none are left (another transaction took them).</summary>
    public async Task FlushRemovalsAsync(CancellationToken cancellationToken)
    {
        lock (_removalsGate)
        {
            if (_queuedRemovals.Count == 0)
            {
                return;
            }
        }

        await using var transaction = await BeginAsync(cancellationToken);
        if (transaction.CarriesRemovals)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<UpdateTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                _connection = await database.OpenAsync(cancellationToken);
                _statements = new Statements(_connection);

                // The log is copied into the database by WalCheckpointer, never inside an update's commit.
                _statements.Execute("PRAGMA wal_autocheckpoint = 0;");
            }

            // IMMEDIATE: take the write lock now, so a busy database surfaces here and not half-way through.
            var transaction = _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            var update = new UpdateTransaction(transaction, _statements!, EndAsync);
            CarryRemovals(update);
            return update;
        }
        catch (Exception e)
        {
            RequeueCarriedRemovals();
            await CloseAsync();
            _turn.Release();
            if (e is SqliteException failure)
            {
                throw StorageException.From(failure);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A transaction still running at exit (past the drain time) keeps its connection; the process is ending.
        if (await _turn.WaitAsync(TimeSpan.FromSeconds(2)))
        {
            await CloseAsync();
        }
    }

    /// <summary>Under <see cref="_turn"/>: the queued removals become part of the transaction that just began.</summary>
    private void CarryRemovals(UpdateTransaction transaction)
    {
        lock (_removalsGate)
        {
            (_carriedRemovals, _queuedRemovals) = (_queuedRemovals, _carriedRemovals);
        }

        foreach (var id in _carriedRemovals.SelectMany(removal => removal.Ids))
        {
            transaction.RemoveFromOutbox(id);
        }

        transaction.CarriesRemovals = _carriedRemovals.Count > 0;
    }

    private void RequeueCarriedRemovals()
    {
        lock (_removalsGate)
        {
            _queuedRemovals.AddRange(_carriedRemovals);
        }

        _carriedRemovals.Clear();
    }

    private async ValueTask EndAsync(TransactionEnd end)
    {
        if (end.Committed)
        {
            _carriedRemovals.ForEach(removal => removal.Done.TrySetResult());
            _carriedRemovals.Clear();
        }
        else
        {
            RequeueCarriedRemovals();
        }

        if (!end.Cleanly)
        {
            await CloseAsync();
        }

        _turn.Release();
        written.Wake();
    }

    private async ValueTask CloseAsync()
    {
        _statements?.Dispose();
        _statements = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}

/// <summary>Outbox rows to delete, and the signal that their deletion is committed.</summary>
internal sealed record OutboxRemoval(IReadOnlyCollection<long> Ids)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
