using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit.PostgreSql;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AppealBot.Tests.Storage;

/// <summary>Several instances on one PostgreSQL database: exactly one may poll Telegram, and another takes over when it goes.</summary>
public sealed class PollingElectionTests
{
    [PostgreSqlFact]
    public async Task One_instance_polls_the_others_stand_by_until_it_lets_go()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var first = new PostgreSqlDatabase(database.ConnectionString);
        await using var second = new PostgreSqlDatabase(database.ConnectionString);

        var lease = await ElectionOn(first).TryTakeTurnAsync(CancellationToken.None);
        Assert.NotNull(lease);
        Assert.Null(await ElectionOn(second).TryTakeTurnAsync(CancellationToken.None));
        Assert.Null(await ElectionOn(first).TryTakeTurnAsync(CancellationToken.None));

        await lease.DisposeAsync();
        await using var taken = await ElectionOn(second).TryTakeTurnAsync(CancellationToken.None);
        Assert.NotNull(taken);
        Assert.True(await taken.StillHeldAsync(CancellationToken.None));
    }

    [PostgreSqlFact]
    public async Task A_poller_whose_session_dies_stops_polling_and_a_standby_takes_over()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var first = new PostgreSqlDatabase(database.ConnectionString);
        await using var second = new PostgreSqlDatabase(database.ConnectionString);
        await using var lease = await ElectionOn(first).TryTakeTurnAsync(CancellationToken.None);
        Assert.NotNull(lease);
        Assert.Null(await ElectionOn(second).TryTakeTurnAsync(CancellationToken.None));

        // What a SIGKILLed instance leaves: its session ends, and PostgreSQL releases the lock with it.
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            var terminated = await admin.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted) AS t;");
            Assert.Equal(1, terminated);
        }

        Assert.False(await lease.StillHeldAsync(CancellationToken.None));
        await using var taken = await ElectionOn(second).TryTakeTurnAsync(CancellationToken.None);
        Assert.NotNull(taken);
    }

    [PostgreSqlFact]
    public async Task An_unreachable_database_means_standing_by_not_polling()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        var nowhere = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "appealbot_no_such_database", Timeout = 2 };
        await using var engine = new PostgreSqlDatabase(nowhere.ConnectionString);

        Assert.Null(await ElectionOn(engine).TryTakeTurnAsync(CancellationToken.None));
    }

    private static AdvisoryLockElection ElectionOn(PostgreSqlDatabase engine) =>
        new(engine, TimeProvider.System, NullLogger<AdvisoryLockElection>.Instance) { CheckEvery = TimeSpan.Zero };
}
