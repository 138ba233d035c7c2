using Dapper;

namespace AppealBot.Storage;

/// <summary>Housekeeping of the handled-update ids that make handling exactly-once, and the retention purge.</summary>
internal interface IHandledUpdates
{
    /// <summary>Forgets ids older than Telegram could ever redeliver.</summary>
    Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what the privacy promise says is not kept: closed cases unchanged since <paramref name="cutoff"/>,
    /// and users (with everything of theirs) inactive since then. Returns (cases, users) deleted.
    /// </summary>
    Task<(int Cases, int Users)> PurgeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Telegram's ids are positive; locally made updates count down from -1 so the two never meet.</summary>
    Task<int> NextLocalIdAsync(CancellationToken cancellationToken);
}

internal sealed class HandledUpdates(Database database, TimeProvider time) : IHandledUpdates
{
    // Both engines run these as they are (PostgreSql/PostgreSqlHandledUpdates).
    internal const string PruneSql = "DELETE FROM handled_updates WHERE handled_at < @cutoff;";
    internal const string PurgeCasesSql = "DELETE FROM cases WHERE outcome <> 'Open' AND updated_at < @before;";
    internal const string PurgeUsersSql = "DELETE FROM users WHERE updated_at < @before;";
    internal const string LowestIdSql = "SELECT MIN(update_id) FROM handled_updates;";

    public Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(PruneSql, new { cutoff = (time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds() }), cancellationToken);

    public Task<(int Cases, int Users)> PurgeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            var before = cutoff.ToUnixTimeMilliseconds();
            var cases = await connection.ExecuteAsync(PurgeCasesSql, new { before });
            var users = await connection.ExecuteAsync(PurgeUsersSql, new { before });
            return (cases, users);
        }, cancellationToken);

    public Task<int> NextLocalIdAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            return NextBelow(await connection.ExecuteScalarAsync<long?>(LowestIdSql));
        }, cancellationToken);

    internal static int NextBelow(long? lowest) => (int)Math.Min(lowest ?? 0, 0) - 1;
}
