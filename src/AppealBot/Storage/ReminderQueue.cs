using AppealBot.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>A due reminder taken by the dispatcher: <see cref="PlannedAt"/> is the moment its case planned, the reminder's identity.</summary>
internal sealed record DueReminder(long Id, long UserId, long CaseId, ReminderKind Kind, string Step, DateTimeOffset PlannedAt, int Attempts);

/// <summary>
/// The dispatcher's side of the reminders table. A reminder is claimed (pending → sending) in one statement,
/// so two dispatch loops never take the same row; it is marked sent only after Telegram accepted it.
/// </summary>
internal sealed class ReminderQueue(Database database)
{
    /// <summary>Claims up to <paramref name="limit"/> reminders due by <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var rows = await connection.QueryAsync<ClaimedRow>(
                """
                UPDATE reminders SET state = 'sending', claimed_at = @now
                WHERE id IN (
                    SELECT id FROM reminders WHERE state = 'pending' AND due_at <= @now ORDER BY due_at, id LIMIT @limit)
                RETURNING id, user_id, case_id, kind, step, planned_at, attempts;
                """,
                new { now = now.ToUnixTimeMilliseconds(), limit });
            return [.. rows.Select(r => r.ToReminder()).OrderBy(r => r.PlannedAt).ThenBy(r => r.Id)];
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>Gives back reminders whose sender died after claiming them (at-least-once: they may go out twice).</summary>
    public async Task<int> ReleaseAbandonedAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await connection.ExecuteAsync(
                "UPDATE reminders SET state = 'pending', claimed_at = NULL WHERE state = 'sending' AND claimed_at < @cutoff;",
                new { cutoff = claimedBefore.ToUnixTimeMilliseconds() });
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var due = await connection.ExecuteScalarAsync<long?>("SELECT MIN(due_at) FROM reminders WHERE state = 'pending';");
            return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    public Task MarkSentAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "sent", now, cancellationToken);

    /// <summary>Not sent, on purpose: the case moved on or closed, or the user can no longer be written to.</summary>
    public Task DropAsync(IEnumerable<long> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync(ids, "dropped", now, cancellationToken);

    /// <summary>Telegram refused the message for good (not a transient failure); kept for the operator to see.</summary>
    public Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetStateAsync([id], "failed", now, cancellationToken);

    /// <summary>Puts a reminder back for later: quiet hours began, or Telegram failed for a while.</summary>
    public async Task RescheduleAsync(long id, DateTimeOffset dueAt, bool failedAttempt, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(
                """
                UPDATE reminders SET state = 'pending', claimed_at = NULL, due_at = @dueAt, attempts = attempts + @failed
                WHERE id = @id AND state = 'sending';
                """,
                new { id, dueAt = dueAt.ToUnixTimeMilliseconds(), failed = failedAttempt ? 1 : 0 });
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>The user blocked the bot: nothing more goes to them until they come back.</summary>
    public async Task DropAllForUserAsync(long userId, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(
                "UPDATE reminders SET state = 'dropped' WHERE user_id = @userId AND state IN ('pending', 'sending');", new { userId });
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    private async Task SetStateAsync(IEnumerable<long> ids, string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(
                "UPDATE reminders SET state = @state, sent_at = CASE WHEN @state = 'sent' THEN @now ELSE sent_at END WHERE id = @id AND state = 'sending';",
                ids.Select(id => new { id, state, now = now.ToUnixTimeMilliseconds() }));
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    internal sealed record ClaimedRow(long Id, long UserId, long CaseId, string Kind, string Step, long PlannedAt, long Attempts)
    {
        public DueReminder ToReminder() => new(Id, UserId, CaseId,
            Enum.TryParse<ReminderKind>(Kind, out var kind) ? kind : ReminderKind.Nudge, Step,
            DateTimeOffset.FromUnixTimeMilliseconds(PlannedAt), (int)Attempts);
    }
}
