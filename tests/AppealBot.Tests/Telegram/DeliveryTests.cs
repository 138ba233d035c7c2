using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.Telegram;

public class DeliveryTests
{
    [Fact]
    public async Task An_update_delivered_again_after_a_restart_is_not_handled_twice()
    {
        await using var bot = await BotUnderTest.StartAsync(postgreSql: this is IRunsOnPostgreSql);
        var user = bot.User(3001, "en");
        await user.SendAsync("/new");
        var first = await user.SendAsync("8123 4567 8901 2345");
        Assert.Empty(bot.Server.PendingUpdates);

        // The bot crashed after storing the update but before Telegram heard it was confirmed.
        await bot.StopAsync();
        var lastUpdate = bot.Server.DeliveredUpdate(bot.Server.ConfirmedOffset - 1)!;
        var messagesBefore = user.Messages.Count;
        bot.Server.Redeliver(lastUpdate);
        await bot.RestartAsync();
        await bot.Server.WaitUntilAnsweredAsync(lastUpdate.Id);

        Assert.Equal(messagesBefore, user.Messages.Count);
        Assert.Equal(["ClosedDate"], await bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 3001"));
        Assert.Contains(first.Last.Text, user.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Each_users_updates_are_handled_in_order_while_users_run_concurrently()
    {
        await using var bot = await BotUnderTest.StartAsync(postgreSql: this is IRunsOnPostgreSql);
        var users = Enumerable.Range(0, 30).Select(i => bot.User(4000 + i, i % 2 == 0 ? "ru" : "it")).ToList();

        // Everyone's three messages arrive interleaved in one burst; only in order do they make a case at the problem step.
        long last = 0;
        foreach (var text in new[] { "/new", "ORDER", "/status" })
        {
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                var body = text == "ORDER" ? $"8100 0000 0000 {i:0000}" : text;
                last = user.EnqueueMessage(body);
            }
        }

        await bot.Server.WaitUntilAnsweredAsync(last, TimeSpan.FromSeconds(30));

        var cases = await bot.QueryAsync<(long UserId, string Step, string OrderNumber)>(
            "SELECT user_id, step, order_number FROM cases ORDER BY user_id");
        Assert.Equal(users.Count, cases.Count);
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            Assert.Contains((user.Id, "ClosedDate", $"810000000000{i:0000}"), cases);
            var texts = user.Messages.Select(m => m.Text).ToList();
            Assert.Equal(3, texts.Count);
            Assert.Contains($"810000000000{i:0000}", texts[2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_users_replies_keep_their_order_when_the_updates_fall_into_different_batches()
    {
        await using var bot = await BotUnderTest.StartAsync(postgreSql: this is IRunsOnPostgreSql);
        var buyer = bot.User(4100, "en");
        var others = Enumerable.Range(0, 60).Select(i => bot.User(4200 + i, "it")).ToList();

        // 183 updates: more than one getUpdates batch (100), so the buyer's second and third messages are stored
        // while the replies to the first batch are still going out.
        long last = 0;
        foreach (var text in new[] { "/new", "8100 0000 0000 4100", "/status" })
        {
            others.ForEach(other => other.EnqueueMessage("/help"));
            last = buyer.EnqueueMessage(text);
        }

        await bot.Server.WaitUntilAnsweredAsync(last, TimeSpan.FromSeconds(30));

        var replies = buyer.Messages;
        Assert.Equal(3, replies.Count);
        Assert.Contains(Texts.Plain(Language.En, "case.ask_order"), replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Plain(Language.En, "button.yesterday"), replies[1].ButtonTexts);
        Assert.Contains("8100000000004100", replies[2].Text, StringComparison.Ordinal);
        Assert.All(others, other => Assert.Equal(3, other.Messages.Count));
    }
}

/// <summary>The same tests with the bot on PostgreSQL.</summary>
[Collection("Bots on PostgreSQL")]
public sealed class DeliveryTestsOnPostgreSql : DeliveryTests, IRunsOnPostgreSql;
