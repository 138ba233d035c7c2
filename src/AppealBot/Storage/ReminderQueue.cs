using AppealBot.Reminders;
using Dapper;

namespace AppealBot.Storage;

/// <summary>A due reminder taken by the dispatcher: <see cref="PlannedAt"/> is the moment its case planned, the reminder's identity.</summary>
internal sealed record DueReminder(long Id, long UserId, long CaseId, ReminderKind Kind, string Step, DateTimeOffset PlannedAt, int Attempts);

/// <summary>
/// The dispatcher's side of the reminders table. A reminder is claimed (pending → sending) so that no two dispatch
/// loops, in one bot or in several sharing a database, take the same row; it is marked sent only after Telegram
/// accepted it, and a claim older than the lease is given back.
/// </summary>
internal interface IReminderQueue
{
    /// <summary>Claims up to <paramref name="limit"/> reminders due by <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<DueReminder>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Gives back reminders whose sender died after claiming them (at-least-once: they may go out twice).</summary>
    Task<int> ReleaseAbandonedAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken);

    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    Task MarkSentAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Not sent, on purpose: the case moved on or closed, or the user can no longer be written to.</summary>
    Task DropAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Telegram refused the message for good (not a transient failure); kept for the operator to see.</summary>
    Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts a reminder back for later: quiet hours began, or Telegram failed for a while.</summary>
    Task RescheduleAsync(long id, DateTimeOffset dueAt, bool failedAttempt, CancellationToken cancellationToken);

    /// <summary>The user blocked the bot: nothing more goes to them until they come back.</summary>
    Task DropAllForUserAsync(long userId, CancellationToken cancellationToken);
}

/// <summary>SQLite: one bot per file, so the claim is one UPDATE … RETURNING, which SQLite runs alone.</summary>
internal sealed class ReminderQueue(Database database) : IReminderQueue
{
    // The statements both engines run as they are; only the claim differs (PostgreSql/PostgreSqlReminderQueue).
    internal const string ClaimedColumns = "id, user_id, case_id, kind, step, planned_at, attempts";
    internal const string DueOrder = "state = 'pending' AND due_at <= @now ORDER BY due_at, id LIMIT @limit";
    internal const string ReleaseSql = "UPDATE reminders SET state = 'pending', claimed_at = NULL WHERE state = 'sending' AND claimed_at < @cutoff;";
    internal const string NextDueSql = "SELECT MIN(due_at) FROM reminders WHERE state = 'pending';";
    internal const string RescheduleSql =
        """
        UPDATE reminders SET state = 'pending', claimed_at = NULL, due_at = @dueAt, attempts = attempts + @failed
        WHERE id = @id AND state = 'sending';
        """;
    internal const string DropAllForUserSql = "UPDATE reminders SET state = 'dropped' WHERE user_id = @userId AND state IN ('pending', 'sending');";
    internal const string SetStateSql =
        "UPDATE reminders SET state = @state, sent_at = CASE WHEN @state = 'sent' THEN @now ELSE sent_at END WHERE id = @id AND state = 'sending';";

    public Task<IReadOnlyList<DueReminder>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            var rows = await connection.QueryAsync<ClaimedRow>(
                $"""
                UPDATE reminders SET state = 'sending', claimed_at = @now
                WHERE id IN (SELECT id FROM reminders WHERE {DueOrder})
                RETURNING {ClaimedColumns};
                """,
                new { now = now.ToUnixTimeMilliseconds(), limit });
            return ClaimedRow.InOrder(rows);
        }, cancellationToken);

    public Task<int> ReleaseAbandonedAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(ReleaseSql, new { cutoff = claimedBefore.ToUnixTimeMilliseconds() }), cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync<DateTimeOffset?>(async connection =>
        {
            var due = await connection.ExecuteScalarAsync<long?>(NextDueSql);
            return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }, cancellationToken);

    public Task MarkSentAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "sent", now, cancellationToken);

    public Task DropAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "dropped", now, cancellationToken);

    public Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync([id], "failed", now, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset dueAt, bool failedAttempt, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(RescheduleSql, new { id, dueAt = dueAt.ToUnixTimeMilliseconds(), failed = failedAttempt ? 1 : 0 }), cancellationToken);

    public Task DropAllForUserAsync(long userId, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(DropAllForUserSql, new { userId }), cancellationToken);

    private Task<int> SetStateAsync(IEnumerable<long> ids, string state, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(SetStateSql, ids.Select(id => new { id, state, now = now.ToUnixTimeMilliseconds() })), cancellationToken);

    /// <summary>One row of <see cref="ClaimedColumns"/>.</summary>
    internal sealed record ClaimedRow(long Id, long UserId, long CaseId, string Kind, string Step, long PlannedAt, long Attempts)
    {
        public static IReadOnlyList<DueReminder> InOrder(IEnumerable<ClaimedRow> rows) =>
            [.. rows.Select(r => r.ToReminder()).OrderBy(r => r.PlannedAt).ThenBy(r => r.Id)];

        public DueReminder ToReminder() => new(Id, UserId, CaseId,
            Enum.TryParse<ReminderKind>(Kind, out var kind) ? kind : ReminderKind.Nudge, Step,
            DateTimeOffset.FromUnixTimeMilliseconds(PlannedAt), (int)Attempts);
    }
}
