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

    public Database(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        _connectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection: wait for a busy writer instead of failing at once; fsync every commit.
            await connection.ExecuteAsync("PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
        catch (SqliteException)
        {
            return false;
        }
    }
}
