using AppealBot.Conversation;
using Dapper;

namespace AppealBot.Storage;

internal sealed class Statistics(Database database) : IBotStatistics
{
    public async Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince)
    {
        await using var connection = await database.OpenAsync();
        var active = activeSince.ToUnixTimeMilliseconds();
        var since = remindersSince.ToUnixTimeMilliseconds();
        using var results = await connection.QueryMultipleAsync(
            """
            SELECT COUNT(*), COALESCE(SUM(updated_at >= @active), 0), COALESCE(SUM(blocked_at IS NOT NULL), 0) FROM users;
            SELECT step, COUNT(*) FROM cases WHERE outcome = 'Open' GROUP BY step ORDER BY COUNT(*) DESC, step;
            SELECT COALESCE(SUM(outcome = 'Open'), 0), COALESCE(SUM(outcome = 'Won'), 0), COALESCE(SUM(outcome = 'GaveUp'), 0), COALESCE(SUM(rejections > 0), 0) FROM cases;
            SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'sent' AND sent_at >= @since), 0),
                   COALESCE(SUM(state = 'failed' AND created_at >= @since), 0) FROM reminders;
            """,
            new { active, since });
        var users = await results.ReadSingleAsync<(long Total, long Active, long Blocked)>();
        var steps = (await results.ReadAsync<(string Step, long Count)>()).Select(s => new StepCount(s.Step, s.Count)).ToList();
        var cases = await results.ReadSingleAsync<(long Open, long Won, long GaveUp, long Rejected)>();
        var reminders = await results.ReadSingleAsync<(long Pending, long Sent, long Failed)>();
        return new BotStatistics(users.Total, users.Active, users.Blocked, steps, cases.Open, cases.Won, cases.GaveUp, cases.Rejected,
            reminders.Pending, reminders.Sent, reminders.Failed);
    }
}
