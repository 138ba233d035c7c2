using AppealBot.Conversation;
using AppealBot.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>Makes a case's stored reminders match its plan, inside the update's transaction.</summary>
internal sealed class ReminderStore(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>
    /// Pending reminders the plan no longer wants are deleted; planned ones are added unless the same
    /// reminder (case, kind, moment) already exists, so one that was sent is never sent again.
    /// </summary>
    public async Task SyncAsync(Case c, IReadOnlyList<PlannedReminder> plan, DateTimeOffset now)
    {
        var keep = plan.Select(p => $"{p.Kind}@{p.DueAt.ToUnixTimeMilliseconds()}").ToHashSet();
        var pending = await connection.QueryAsync<(long Id, string Kind, long PlannedAt)>(
            "SELECT id, kind, planned_at FROM reminders WHERE case_id = @caseId AND state = 'pending';",
            new { caseId = c.Id }, transaction);
        foreach (var (id, kind, plannedAt) in pending)
        {
            if (!keep.Contains($"{kind}@{plannedAt}"))
            {
                await connection.ExecuteAsync("DELETE FROM reminders WHERE id = @id;", new { id }, transaction);
            }
        }

        foreach (var planned in plan)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO reminders (user_id, case_id, kind, step, planned_at, due_at, created_at)
                VALUES (@UserId, @CaseId, @Kind, @Step, @DueAt, @DueAt, @CreatedAt)
                ON CONFLICT (case_id, kind, planned_at) DO NOTHING;
                """,
                new
                {
                    c.UserId,
                    CaseId = c.Id,
                    Kind = planned.Kind.ToString(),
                    Step = c.Step.ToString(),
                    DueAt = planned.DueAt.ToUnixTimeMilliseconds(),
                    CreatedAt = now.ToUnixTimeMilliseconds(),
                },
                transaction);
        }
    }
}
