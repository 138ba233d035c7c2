using AppealBot.Conversation;
using Dapper;

namespace AppealBot.Storage;

internal sealed class Statistics(Database database) : IBotStatistics
{
    // Written for both engines (PostgreSql/PostgreSqlStatistics): COUNT(CASE …) rather than SUM over a comparison,
    // which PostgreSQL's booleans do not add up.
    internal const string UsersSql =
        """
        SELECT COUNT(*) AS total, COUNT(CASE WHEN updated_at >= @active THEN 1 END) AS active, COUNT(blocked_at) AS blocked
        FROM users;
        """;
    internal const string StepsSql = "SELECT step, COUNT(*) AS count FROM cases WHERE outcome = 'Open' GROUP BY step ORDER BY COUNT(*) DESC, step;";
    internal const string CasesSql =
        """
        SELECT COUNT(CASE WHEN outcome = 'Open' THEN 1 END) AS open, COUNT(CASE WHEN outcome = 'Won' THEN 1 END) AS won,
               COUNT(CASE WHEN outcome = 'GaveUp' THEN 1 END) AS gave_up, COUNT(CASE WHEN rejections > 0 THEN 1 END) AS rejected
        FROM cases;
        """;
    internal const string RemindersSql =
        """
        SELECT COUNT(CASE WHEN state = 'pending' THEN 1 END) AS pending, COUNT(CASE WHEN state = 'sent' AND sent_at >= @since THEN 1 END) AS sent,
               COUNT(CASE WHEN state = 'failed' AND created_at >= @since THEN 1 END) AS failed
        FROM reminders;
        """;

    public Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince) =>
        database.WithConnectionAsync(async connection =>
        {
            var active = activeSince.ToUnixTimeMilliseconds();
            var since = remindersSince.ToUnixTimeMilliseconds();
            var users = await connection.QuerySingleAsync<UserCounts>(UsersSql, new { active });
            var steps = (await connection.QueryAsync<StepCount>(StepsSql)).ToList();
            var cases = await connection.QuerySingleAsync<CaseCounts>(CasesSql);
            var reminders = await connection.QuerySingleAsync<ReminderCounts>(RemindersSql, new { since });
            return Combine(users, steps, cases, reminders);
        }, CancellationToken.None);

    internal static BotStatistics Combine(UserCounts users, IReadOnlyList<StepCount> steps, CaseCounts cases, ReminderCounts reminders) =>
        new(users.Total, users.Active, users.Blocked, steps, cases.Open, cases.Won, cases.GaveUp, cases.Rejected,
            reminders.Pending, reminders.Sent, reminders.Failed);

    internal sealed record UserCounts(long Total, long Active, long Blocked);

    internal sealed record CaseCounts(long Open, long Won, long GaveUp, long Rejected);

    internal sealed record ReminderCounts(long Pending, long Sent, long Failed);
}
