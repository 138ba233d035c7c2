using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's failures as the one <see cref="StorageException"/>, with SQLite's rule: the database refused this
/// particular write for good (SQLSTATE class 22, a value it cannot hold; 23, a constraint) is permanent, everything
/// else (unreachable, restarting, out of space or connections, a deadlock, a timeout) may succeed later.
/// </summary>
internal static class PostgreSqlErrors
{
    public static StorageException From(NpgsqlException e) => e is PostgresException pg
        // MessageText only: Detail may quote the row's values (users' texts), and it is not in Message.
        ? new StorageException($"PostgreSQL error {pg.SqlState}: {pg.MessageText}", e, isTransient: !(pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal)))
        : new StorageException($"PostgreSQL unavailable: {e.Message}", e, isTransient: true);

    /// <summary>Runs <paramref name="work"/> on a pooled connection; any Npgsql failure leaves as a <see cref="StorageException"/>.</summary>
    public static async Task<T> WithConnectionAsync<T>(this PostgreSqlDatabase database, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (NpgsqlException e)
        {
            throw From(e);
        }
    }

    public static Task WithConnectionAsync(this PostgreSqlDatabase database, Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            await work(connection);
            return true;
        }, cancellationToken);
}
