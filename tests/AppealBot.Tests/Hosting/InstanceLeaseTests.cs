using AppealBot.Hosting;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Tests.Hosting;

/// <summary>
/// One bot among instances sharing a PostgreSQL database: it joins, leaves, and yields when its heartbeat finds it was
/// taken for dead. (Several bots as processes, killed mid-burst: ScaleOutTests.)
/// </summary>
[Collection("Bots on PostgreSQL")]
public sealed class InstanceLeaseTests
{
    [PostgreSqlFact]
    public async Task A_running_bot_is_in_the_instances_table_and_leaves_it_when_stopped()
    {
        await using var bot = await BotUnderTest.StartAsync(postgreSql: true);
        Assert.Single(await bot.QueryAsync<long>("SELECT seen_at FROM instances"));

        await bot.StopAsync();
        Assert.Empty(await bot.QueryAsync<long>("SELECT seen_at FROM instances"));
    }

    [PostgreSqlFact]
    public async Task A_bot_the_others_took_for_dead_stops_sending_and_exits_with_code_1_to_be_restarted()
    {
        await using var bot = await BotUnderTest.StartAsync(postgreSql: true);
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopping.Register(stopping.SetResult);

        // What another instance does to one whose heartbeat is older than the lease.
        await bot.ExecuteAsync("DELETE FROM instances");
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));

        try
        {
            Assert.Equal(ExitCodes.LeaseLost, Environment.ExitCode);
            Assert.Contains(bot.Logs.Lines, line => line.Contains("taken for dead", StringComparison.Ordinal));
        }
        finally
        {
            // The exit code is the test process's too.
            Environment.ExitCode = 0;
        }
    }
}
