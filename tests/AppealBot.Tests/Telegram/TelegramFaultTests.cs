using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Telegram;

public sealed class TelegramFaultTests : BotTests
{

    [Fact]
    public async Task Polling_survives_a_bad_gateway_and_a_dropped_connection()
    {
        var user = Bot.User(7001, "it");
        await user.SendAsync("/help");
        Bot.Server.FailNext("getUpdates", FakeFault.ServerError());
        Bot.Server.FailNext("getUpdates", FakeFault.DropConnection);

        var reply = await user.SendAsync("/start", TimeSpan.FromSeconds(30));

        Assert.StartsWith("Ciao! Sono AppealBot.", reply.Last.Text, StringComparison.Ordinal);
        Assert.Contains(Bot.Server.Calls, c => c.Method == "getUpdates" && c.ErrorCode == 502);
    }

    [Fact]
    public async Task A_reply_that_fails_with_a_server_error_is_sent_again_once()
    {
        var user = Bot.User(7002, "en");
        Bot.Server.FailNext("sendMessage", FakeFault.ServerError(500));

        var reply = await user.SendAsync("/help", TimeSpan.FromSeconds(30));

        Assert.Single(reply.Messages);
        Assert.Contains("/new", reply.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_and_sends_once()
    {
        var user = Bot.User(7003, "en");
        Bot.Server.FailNext("sendMessage", FakeFault.TooManyRequests(1));

        var reply = await user.SendAsync("/help", TimeSpan.FromSeconds(30));

        Assert.Single(reply.Messages);
        var attempts = Bot.Server.CallsTo("sendMessage").Where(c => c.ChatId == 7003).ToList();
        Assert.Equal([429, null], attempts.Select(c => c.ErrorCode));
        Assert.True(attempts[1].At >= attempts[0].At);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_and_unmarked_when_they_come_back()
    {
        var buyer = Buyer.Of(Bot, 7004, Language.Ru);
        await buyer.Send("/start");
        buyer.User.BlockBot();

        await buyer.Send("/help");
        Assert.Equal([true], await Bot.QueryAsync<bool>("SELECT blocked_at IS NOT NULL FROM users WHERE id = 7004"));

        buyer.User.UnblockBot();
        var back = await buyer.Send("/start");
        Assert.StartsWith("Здравствуйте", back.Last.Text, StringComparison.Ordinal);
        Assert.Equal([false], await Bot.QueryAsync<bool>("SELECT blocked_at IS NOT NULL FROM users WHERE id = 7004"));
    }
}
