using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>SQLite's statements (<see cref="HandledUpdates"/>) on PostgreSQL; bots sharing the database may all run them.</summary>
internal sealed class PostgreSqlHandledUpdates(PostgreSqlDatabase database, TimeProvider time) : IHandledUpdates
{
    public Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(HandledUpdates.PruneSql, new { cutoff = (time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds() }),
            cancellationToken);

    public Task<(int Cases, int Users)> PurgeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            var before = cutoff.ToUnixTimeMilliseconds();
            var cases = await connection.ExecuteAsync(HandledUpdates.PurgeCasesSql, new { before });
            var users = await connection.ExecuteAsync(HandledUpdates.PurgeUsersSql, new { before });
            return (cases, users);
        }, cancellationToken);

    public Task<int> NextLocalIdAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            async connection => HandledUpdates.NextBelow(await connection.ExecuteScalarAsync<long?>(HandledUpdates.LowestIdSql)), cancellationToken);
}
