using AppealBot.Conversation;
using AppealBot.Reminders;

namespace AppealBot.Storage;

/// <summary>Makes a case's stored reminders match its plan, inside the update's transaction.</summary>
internal sealed class ReminderStore(ISqlSession sql, Action<long> added)
{
    /// <summary>
    /// Pending reminders the plan no longer wants are deleted; planned ones are added unless the same
    /// reminder (case, kind, moment) already exists, so one that was sent is never sent again.
    /// </summary>
    public async Task SyncAsync(Case c, IReadOnlyList<PlannedReminder> plan, DateTimeOffset now)
    {
        var pending = await sql.QueryAsync(
            "SELECT id, kind, planned_at, step FROM reminders WHERE case_id = @caseId AND state = 'pending';",
            row => new PendingRow(row.GetInt64(0), row.GetString(1), row.GetInt64(2), row.GetString(3)), ("@caseId", c.Id));
        var step = c.Step.ToString();
        foreach (var row in pending)
        {
            if (!plan.Any(p => p.Kind.ToString() == row.Kind && p.DueAt.ToUnixTimeMilliseconds() == row.PlannedAt))
            {
                await sql.ExecuteAsync("DELETE FROM reminders WHERE id = @id;", ("@id", row.Id));
            }
            else if (row.Step != step)
            {
                // Still wanted at the same moment, but the case moved on (a nudge, a deadline): it now belongs to this step.
                await sql.ExecuteAsync("UPDATE reminders SET step = @step WHERE id = @id;", ("@step", step), ("@id", row.Id));
            }
        }

        foreach (var planned in plan)
        {
            var due = planned.DueAt.ToUnixTimeMilliseconds();
            if (pending.Any(row => row.Kind == planned.Kind.ToString() && row.PlannedAt == due))
            {
                continue;
            }

            await sql.ExecuteAsync(
                """
                INSERT INTO reminders (user_id, case_id, kind, step, planned_at, due_at, created_at)
                VALUES (@userId, @caseId, @kind, @step, @dueAt, @dueAt, @createdAt)
                ON CONFLICT (case_id, kind, planned_at) DO NOTHING;
                """,
                ("@userId", c.UserId),
                ("@caseId", c.Id),
                ("@kind", planned.Kind.ToString()),
                ("@step", c.Step.ToString()),
                ("@dueAt", due),
                ("@createdAt", now.ToUnixTimeMilliseconds()));
            added(due);
        }
    }

    private sealed record PendingRow(long Id, string Kind, long PlannedAt, string Step);
}
