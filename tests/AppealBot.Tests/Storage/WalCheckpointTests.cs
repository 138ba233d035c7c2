using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Storage;

public sealed class WalCheckpointTests
{
    [Fact]
    public async Task The_log_reaches_the_database_file_in_the_background_not_in_an_updates_commit()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var buyer = bot.User(7001, "en");
        await buyer.SendAsync("/start");
        var written = File.GetLastWriteTimeUtc(bot.DatabasePath);
        await buyer.SendAsync("/new");
        await buyer.SendAsync("8100 0000 0000 7001");

        // The update writer's automatic checkpoint is off, so only the background checkpointer (every second)
        // writes the database file itself. Nothing signals it from outside, so the file is watched.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (File.GetLastWriteTimeUtc(bot.DatabasePath) == written)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }

        Assert.Equal(["Problem"], await bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 7001"));
    }
}
