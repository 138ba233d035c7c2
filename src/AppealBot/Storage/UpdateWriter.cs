using System.Data;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// SQLite's <see cref="IUpdateWriter"/>: the one connection updates are written through, kept open with its prepared
/// statements, one transaction at a time (SQLite has one writer anyway). If ending a transaction fails, the connection
/// is closed and the next transaction opens a fresh one.
/// </summary>
internal sealed class UpdateWriter(Database database, WalSignal written) : IUpdateWriter, IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly OutboxRemovals _removals = new();
    private SqliteConnection? _connection;
    private Statements? _statements;

    public Task QueueRemovals(IReadOnlyCollection<long> ids) => _removals.Queue(ids);

    public Task FlushRemovalsAsync(Task removed, CancellationToken cancellationToken) => _removals.FlushAsync(this, removed, cancellationToken);

    public Task<bool> TakesWritesAsync(CancellationToken cancellationToken) => database.IsWritableAsync(cancellationToken);

    public async Task<UpdateTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        SqliteSession session;
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
            session = new SqliteSession(_connection.BeginTransaction(IsolationLevel.Serializable, deferred: false), _statements!, EndAsync);
        }
        catch (Exception e)
        {
            await CloseAsync();
            _turn.Release();
            if (e is SqliteException failure)
            {
                throw StorageException.From(failure);
            }

            throw;
        }

        return await UpdateTransaction.BeginWritingAsync(session, _removals, outboxOwner: null);
    }

    /// <summary>A read-only transaction on a connection of its own (deferred: it takes no write lock).</summary>
    public async Task<UpdateTransaction> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = StorageException.Translate(() => connection.BeginTransaction(IsolationLevel.Serializable, deferred: true));
            var sql = new Statements(connection);
            return UpdateTransaction.ForReading(new SqliteSession(transaction, sql, async _ =>
            {
                sql.Dispose();
                await connection.DisposeAsync();
            }));
        }
        catch
        {
            await connection.DisposeAsync();
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

    private async ValueTask EndAsync(TransactionEnd end)
    {
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
