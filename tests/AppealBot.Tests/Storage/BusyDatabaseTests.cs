using AppealBot.Tests.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Tests.Storage;

public sealed class BusyDatabaseTests
{
    [Fact]
    public async Task An_update_that_cannot_be_stored_stays_unconfirmed_and_is_handled_once_the_database_is_free()
    {
        await using var bot = await BotUnderTest.StartAsync(settings => settings["ConnectionStrings:AppealBot"] += ";Default Timeout=1");
        var user = bot.User(9401, "en");
        await user.SendAsync("/start");

        // Another process holds the database (a backup tool, a second bot by mistake, sqlite3 open in a shell).
        await using var other = new SqliteConnection(bot.ConnectionString);
        await other.OpenAsync();
        await other.ExecuteAsync("BEGIN EXCLUSIVE;");
        var updateId = user.EnqueueMessage("/help");

        await bot.Logs.WaitForAsync(line => line.Contains($"Update {updateId} could not be stored", StringComparison.Ordinal));
        Assert.True(bot.Server.ConfirmedOffset <= updateId);
        Assert.Empty(await bot.QueryAsync<long>("SELECT update_id FROM handled_updates WHERE update_id = @updateId", new { updateId }));

        await other.ExecuteAsync("ROLLBACK;");
        await bot.Server.WaitUntilAnsweredAsync(updateId, TimeSpan.FromSeconds(30));

        Assert.Contains("/new", user.LastMessage.Text, StringComparison.Ordinal);
        Assert.Single(bot.Server.CallsTo("sendMessage"), c => c.ChatId == 9401 && (c.Text ?? "").Contains("/new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_database_refuses_writes_nothing_is_confirmed_and_the_bot_recovers_when_it_accepts_them_again()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var user = bot.User(9402, "it");
        await user.SendAsync("/start");

        // A full disk or a read-only file make every write fail the same way; here a trigger plays that part.
        await bot.ExecuteAsync("CREATE TRIGGER refuse BEFORE INSERT ON handled_updates BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        var updateId = user.EnqueueMessage("/help");
        await bot.Logs.WaitForAsync(line => line.Contains($"Update {updateId} could not be stored", StringComparison.Ordinal));
        Assert.True(bot.Server.ConfirmedOffset <= updateId);
        Assert.DoesNotContain(bot.Server.CallsTo("sendMessage"), c => c.ChatId == 9402 && (c.Text ?? "").Contains("/new", StringComparison.Ordinal));

        await bot.ExecuteAsync("DROP TRIGGER refuse;");
        await bot.Server.WaitUntilAnsweredAsync(updateId, TimeSpan.FromSeconds(60));

        Assert.Single(bot.Server.CallsTo("sendMessage"), c => c.ChatId == 9402 && (c.Text ?? "").Contains("/new", StringComparison.Ordinal));
    }
}
