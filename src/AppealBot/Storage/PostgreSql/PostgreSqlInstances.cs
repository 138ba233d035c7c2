using AppealBot.Telegram;
using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// The bot instances sharing the database (table <c>instances</c>, migration 012) and the outbox rows each owns. An
/// instance heartbeats; one not seen for the lease is dead, and the replies it owed go to whichever live instance
/// adopts them. Adoption runs under a transaction-scoped advisory lock, so a dead instance's rows all go to one
/// adopter, in their order, and never to two.
/// </summary>
internal sealed class PostgreSqlInstances(PostgreSqlDatabase database, InstanceId me)
{
    /// <summary>How often a live instance says so.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long an instance may go unseen before it is taken for dead: several missed beats, not one slow query.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>Unix ms by the database server's clock: the one clock every instance shares, whatever their machines' say.</summary>
    private const string ServerNow = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    /// <summary>The advisory lock's key, as the election and the migrator name theirs.</summary>
    private const string AdoptionLock = "appealbot outbox adoption";

    public Task RegisterAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(
                $"INSERT INTO instances (id, started_at, seen_at) VALUES (@id, {ServerNow}, {ServerNow}) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at;",
                new { id = me.Value }),
            cancellationToken);

    /// <summary>
    /// Renews this instance's lease and counts the live instances (this one included); 0 when this instance's row
    /// is gone: another took it for dead (this process was frozen past the lease) and may be sending its replies.
    /// </summary>
    public Task<int> HeartbeatAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteScalarAsync<int>(
                $"""
                WITH renewed AS (UPDATE instances SET seen_at = {ServerNow} WHERE id = @id RETURNING id)
                SELECT CASE WHEN EXISTS (SELECT 1 FROM renewed)
                            THEN (SELECT count(*) FROM instances WHERE seen_at >= {ServerNow} - @lease OR id = @id)
                            ELSE 0 END;
                """,
                new { id = me.Value, lease = (long)Lease.TotalMilliseconds }),
            cancellationToken);

    /// <summary>
    /// Forgets the instances not seen for the lease and makes this one the owner of every outbox row without a live
    /// owner (a dead or stopped instance's, or rows from before migration 012); returns them in sending order. Empty
    /// when another instance is adopting at this moment (it takes them).
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> AdoptOrphanedAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync<IReadOnlyList<OutboxMessage>>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_xact_lock(hashtext(@name));", new { name = AdoptionLock }, transaction))
            {
                return [];
            }

            await connection.ExecuteAsync(
                $"DELETE FROM instances WHERE seen_at < {ServerNow} - @lease AND id <> @id;",
                new { id = me.Value, lease = (long)Lease.TotalMilliseconds },
                transaction);
            var rows = await connection.QueryAsync<OutboxStore.Row>(
                $"""
                UPDATE outbox SET owner = @id
                WHERE owner IS NULL OR owner NOT IN (SELECT id FROM instances)
                RETURNING {OutboxStore.Columns};
                """,
                new { id = me.Value },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            return [.. rows.OrderBy(row => row.Id).Select(row => row.ToMessage())];
        }, cancellationToken);

    /// <summary>A clean stop: the replies still owed are adopted by the others at their next heartbeat.</summary>
    public Task DeregisterAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync("DELETE FROM instances WHERE id = @id;", new { id = me.Value }),
            cancellationToken);
}
