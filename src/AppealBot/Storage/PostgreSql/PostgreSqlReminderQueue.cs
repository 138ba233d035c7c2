using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL: several bots may share the database, so the claim locks the due rows it takes and skips those another
/// bot is taking (<c>FOR UPDATE SKIP LOCKED</c>): no row is claimed twice, and no claimer waits for another. Every
/// other statement is SQLite's (<see cref="ReminderQueue"/>).
/// </summary>
internal sealed class PostgreSqlReminderQueue(PostgreSqlDatabase database) : IReminderQueue
{
    public Task<IReadOnlyList<DueReminder>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            var rows = await connection.QueryAsync<ReminderQueue.ClaimedRow>(
                $"""
                WITH due AS (SELECT id FROM reminders WHERE {ReminderQueue.DueOrder} FOR UPDATE SKIP LOCKED)
                UPDATE reminders SET state = 'sending', claimed_at = @now
                WHERE id IN (SELECT id FROM due)
                RETURNING {ReminderQueue.ClaimedColumns};
                """,
                new { now = now.ToUnixTimeMilliseconds(), limit });
            return ReminderQueue.ClaimedRow.InOrder(rows);
        }, cancellationToken);

    public Task<int> ReleaseAbandonedAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(ReminderQueue.ReleaseSql, new { cutoff = claimedBefore.ToUnixTimeMilliseconds() }), cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
            await connection.ExecuteScalarAsync<long?>(ReminderQueue.NextDueSql) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null,
            cancellationToken);

    public Task MarkSentAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "sent", now, cancellationToken);

    public Task DropAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "dropped", now, cancellationToken);

    public Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync([id], "failed", now, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset dueAt, bool failedAttempt, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(ReminderQueue.RescheduleSql, new { id, dueAt = dueAt.ToUnixTimeMilliseconds(), failed = failedAttempt ? 1 : 0 }),
            cancellationToken);

    public Task DropAllForUserAsync(long userId, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(ReminderQueue.DropAllForUserSql, new { userId }), cancellationToken);

    private Task<int> SetStateAsync(IEnumerable<long> ids, string state, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(ReminderQueue.SetStateSql, ids.Select(id => new { id, state, now = now.ToUnixTimeMilliseconds() })),
            cancellationToken);
}
