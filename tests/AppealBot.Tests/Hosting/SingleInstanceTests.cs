using AppealBot.Hosting;
using AppealBot.Tests.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Tests.Hosting;

public sealed class SingleInstanceTests
{
    [Fact]
    public async Task A_second_bot_on_the_same_database_refuses_to_start_and_the_first_keeps_working()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var builder = AppealBotHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = bot.Server.Token,
            ["Telegram:ApiBaseUrl"] = bot.Server.BaseUrl,
            ["ConnectionStrings:AppealBot"] = bot.ConnectionString,
        });
        using var second = builder.Build();

        var refused = await Assert.ThrowsAsync<AlreadyRunningException>(() => second.StartAppealBotAsync());

        Assert.Contains(bot.DatabasePath, refused.Message, StringComparison.Ordinal);
        var reply = await bot.User(9301, "it").SendAsync("/start");
        Assert.StartsWith("Ciao", reply.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_first_bot_stops_another_may_start_on_the_database()
    {
        await using var bot = await BotUnderTest.StartAsync();

        await bot.RestartAsync();

        var reply = await bot.User(9302, "en").SendAsync("/start");
        Assert.StartsWith("Hi!", reply.Last.Text, StringComparison.Ordinal);
    }
}
