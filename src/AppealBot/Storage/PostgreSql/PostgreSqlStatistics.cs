using AppealBot.Conversation;
using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>SQLite's counts (<see cref="Statistics"/>), the same statements, on PostgreSQL.</summary>
internal sealed class PostgreSqlStatistics(PostgreSqlDatabase database) : IBotStatistics
{
    public Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince) =>
        database.WithConnectionAsync(async connection =>
        {
            var users = await connection.QuerySingleAsync<Statistics.UserCounts>(Statistics.UsersSql, new { active = activeSince.ToUnixTimeMilliseconds() });
            var steps = (await connection.QueryAsync<StepCount>(Statistics.StepsSql)).ToList();
            var cases = await connection.QuerySingleAsync<Statistics.CaseCounts>(Statistics.CasesSql);
            var reminders = await connection.QuerySingleAsync<Statistics.ReminderCounts>(Statistics.RemindersSql, new { since = remindersSince.ToUnixTimeMilliseconds() });
            return Statistics.Combine(users, steps, cases, reminders);
        }, CancellationToken.None);
}
