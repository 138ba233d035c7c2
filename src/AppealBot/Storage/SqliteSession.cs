using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// SQLite's side of one transaction, through the connection's prepared <see cref="Statements"/>: every call runs at once
/// (SQLite's I/O is synchronous anyway), so the tasks it returns are already complete.
/// </summary>
internal sealed class SqliteSession : ISqlSession
{
    private readonly SqliteTransaction _transaction;
    private readonly Statements _sql;
    private readonly Func<TransactionEnd, ValueTask> _ended;

    /// <param name="ended">Called once the transaction is over, with how it ended.</param>
    public SqliteSession(SqliteTransaction transaction, Statements sql, Func<TransactionEnd, ValueTask> ended)
    {
        _transaction = transaction;
        _sql = sql;
        _ended = ended;
        sql.Transaction = transaction;
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public ValueTask<int> ExecuteAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        try
        {
            return new(_sql.Execute(sql, parameters));
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public ValueTask<long?> NumberAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        try
        {
            return new(_sql.Scalar<long?>(sql, parameters));
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public ValueTask<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        try
        {
            return new(_sql.Query(sql, read, parameters));
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => StorageException.Translate(() => _transaction.CommitAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        _sql.Transaction = null;
        var cleanly = false;
        try
        {
            // Rolls back what was not committed.
            await _transaction.DisposeAsync();
            cleanly = true;
        }
        finally
        {
            await _ended(new TransactionEnd(cleanly));
        }
    }
}

/// <summary>How a transaction ended: <see cref="Cleanly"/> when committing or rolling back worked (its connection is fine).</summary>
internal readonly record struct TransactionEnd(bool Cleanly);
