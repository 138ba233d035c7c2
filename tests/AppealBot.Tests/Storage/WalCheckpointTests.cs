using AppealBot.Storage;
using AppealBot.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace AppealBot.Tests.Storage;

public sealed class WalCheckpointTests
{
    [Fact]
    public async Task The_log_reaches_the_database_file_in_the_background_not_in_an_updates_commit()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var checkpointer = bot.Services.GetRequiredService<WalCheckpointer>();
        var buyer = bot.User(7001, "en");
        await buyer.SendAsync("/start");
        await checkpointer.NextRoundAsync();
        var written = File.GetLastWriteTimeUtc(bot.DatabasePath);

        await buyer.SendAsync("/new");
        await buyer.SendAsync("8100 0000 0000 7001");

        // The update writer's automatic checkpoint is off, so its commits only append to the log; the checkpointer's
        // next round copies them into the database file.
        await checkpointer.NextRoundAsync();
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(bot.DatabasePath));
        Assert.Equal(["ClosedDate"], await bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 7001"));
    }
}
