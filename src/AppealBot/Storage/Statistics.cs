using AppealBot.Conversation;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

internal sealed class Statistics(Database database) : IBotStatistics
{
    public async Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince)
    {
        try
        {
            await using var connection = await database.OpenAsync();
            var active = activeSince.ToUnixTimeMilliseconds();
            var since = remindersSince.ToUnixTimeMilliseconds();
            var users = await connection.QuerySingleAsync<UserCounts>(
                """
                SELECT COUNT(*) AS total, COALESCE(SUM(updated_at >= @active), 0) AS active, COALESCE(SUM(blocked_at IS NOT NULL), 0) AS blocked
                FROM users;
                """,
                new { active });
            var steps = (await connection.QueryAsync<StepCount>(
                "SELECT step, COUNT(*) AS count FROM cases WHERE outcome = 'Open' GROUP BY step ORDER BY COUNT(*) DESC, step;")).ToList();
            var cases = await connection.QuerySingleAsync<CaseCounts>(
                """
                SELECT COALESCE(SUM(outcome = 'Open'), 0) AS open, COALESCE(SUM(outcome = 'Won'), 0) AS won,
                       COALESCE(SUM(outcome = 'GaveUp'), 0) AS gave_up, COALESCE(SUM(rejections > 0), 0) AS rejected
                FROM cases;
                """);
            var reminders = await connection.QuerySingleAsync<ReminderCounts>(
                """
                SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'sent' AND sent_at >= @since), 0) AS sent,
                       COALESCE(SUM(state = 'failed' AND created_at >= @since), 0) AS failed
                FROM reminders;
                """,
                new { since });
            return new BotStatistics(users.Total, users.Active, users.Blocked, steps, cases.Open, cases.Won, cases.GaveUp, cases.Rejected,
                reminders.Pending, reminders.Sent, reminders.Failed);
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    internal sealed record UserCounts(long Total, long Active, long Blocked);

    internal sealed record CaseCounts(long Open, long Won, long GaveUp, long Rejected);

    internal sealed record ReminderCounts(long Pending, long Sent, long Failed);
}
