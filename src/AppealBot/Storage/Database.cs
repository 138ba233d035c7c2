using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>Opens connections to the bot's SQLite file with the settings every connection needs.</summary>
internal sealed class Database
{
    private readonly string _connectionString;

    static Database()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <param name="synchronous">SQLite's synchronous mode: FULL (default) fsyncs every commit; NORMAL (WAL) may lose the
    /// last commits on power loss, never on a process crash. Benchmarks compare the two.</param>
    public Database(string connectionString, string synchronous = "FULL")
    {
        _synchronous = synchronous.ToUpperInvariant() switch
        {
            "FULL" or "NORMAL" or "EXTRA" => synchronous.ToUpperInvariant(),
            _ => throw new ArgumentException($"Storage__Synchronous must be FULL, NORMAL or EXTRA, not '{synchronous}'.", nameof(synchronous)),
        };
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };

        // How long to wait for a busy database before giving up on an update (Telegram then delivers it again).
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 5;
        }

        _connectionString = builder.ToString();
        _busyTimeoutMs = builder.DefaultTimeout * 1000;
        FilePath = builder.DataSource;
    }

    private readonly int _busyTimeoutMs;
    private readonly string _synchronous;

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection: wait for a busy writer instead of failing at once; fsync every commit.
            // A write-ahead log that grew under load is cut back to 64 MiB once it restarts.
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = {_synchronous}; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 67108864;");
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw StorageException.From(e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a connection of its own; a SQLite failure comes out as <see cref="StorageException"/>.</summary>
    public async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public Task WithConnectionAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            await work(connection);
            return true;
        }, cancellationToken);

    /// <summary>
    /// True when a write transaction can begin within about a second: the file is writable and no one holds
    /// the write lock for long. Nothing is written.
    /// </summary>
    public async Task<bool> IsWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Both waits short: SQLite's busy handler, and Microsoft.Data.Sqlite's own retries (command timeout,
            // whole seconds). OpenAsync sets the usual busy timeout again on every open, so this one does not stay.
            await using var connection = await OpenAsync(cancellationToken);
            await connection.ExecuteAsync("PRAGMA busy_timeout = 250;");
            await connection.ExecuteAsync("BEGIN IMMEDIATE; ROLLBACK;", commandTimeout: 1);
            return true;
        }
        catch (Exception e) when (e is SqliteException or StorageException)
        {
            return false;
        }
    }
}
