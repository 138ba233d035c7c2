using System.Text;
using AppealBot.Tests.TestKit;
using Telegram.Bot.Types;

namespace AppealBot.Tests.Telegram;

/// <summary>Webhook mode through the real host: Telegram (the fake server) posts updates to the bot's own HTTP server.</summary>
public sealed class WebhookDeliveryTests
{
    private const string EnglishGreeting = "Hi! I'm AppealBot.";
    private const string RussianGreeting = "Здравствуйте! Я AppealBot.";

    [Fact]
    public async Task Start_delivered_by_webhook_gets_the_russian_greeting()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var user = bot.User(5001, "ru");

        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(user.BuildMessage("/start")));
        await bot.ReplyToAsync(user, RussianGreeting);

        Assert.StartsWith(RussianGreeting, Assert.Single(user.Messages).Text, StringComparison.Ordinal);
        await bot.StopAsync();
        Assert.Empty(await bot.InboxAsync());
    }

    [Fact]
    public async Task A_delivery_without_the_right_secret_is_refused_and_not_handled()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var user = bot.User(5002, "en");
        var forged = user.BuildMessage("/help");

        Assert.Equal(401, await bot.Server.DeliverByWebhookAsync(forged, secretOverride: "wrong-secret"));
        Assert.Equal(401, await bot.Server.DeliverByWebhookAsync(forged, secretOverride: BotUnderTest.WebhookSecret + "x"));
        Assert.Equal(401, await bot.Server.DeliverByWebhookAsync(forged, secretOverride: string.Empty));

        Assert.Empty(await bot.InboxAsync());
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(user.BuildMessage("/start")));
        await bot.ReplyToAsync(user, EnglishGreeting);
        Assert.Single(user.Messages);
        Assert.Empty(await bot.QueryAsync<long>("SELECT update_id FROM handled_updates WHERE update_id = @Id", new { forged.Id }));
        Assert.Contains(bot.Logs.Lines, line => line.Contains("without the right secret", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Contains("wrong-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_delivered_again_is_accepted_and_handled_once()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var user = bot.User(5003, "en");
        var update = user.BuildMessage("/start");

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bot.Server.DeliverByWebhookAsync(update)));
        await bot.ReplyToAsync(user, EnglishGreeting);
        var afterHandling = await bot.Server.DeliverByWebhookAsync(update);
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(user.BuildMessage("/help")));
        await bot.ReplyToAsync(user, "/language");

        Assert.All(first, status => Assert.Equal(200, status));
        Assert.Equal(200, afterHandling);
        Assert.Equal(2, user.Messages.Count);
        Assert.Equal(2, bot.Server.CallsTo("sendMessage").Count(c => c.ChatId == user.ChatId));
        await bot.StopAsync();
        Assert.Empty(await bot.InboxAsync());
    }

    [Fact]
    public async Task A_burst_from_many_users_is_handled_once_each_and_in_order_per_user()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var users = Enumerable.Range(0, 20).Select(i => bot.User(6000 + i, i % 2 == 0 ? "ru" : "it")).ToList();
        string[] Script(int i) => ["/new", $"8100 0000 0000 {i:0000}", .. Enumerable.Repeat("/status", 7), "/help"];

        // Telegram numbers updates as they arrive (interleaved), posts one chat's updates one after another
        // and different chats at the same time.
        var updates = users.Select(_ => new List<Update>()).ToList();
        for (var step = 0; step < 10; step++)
        {
            for (var i = 0; i < users.Count; i++)
            {
                updates[i].Add(users[i].BuildMessage(Script(i)[step]));
            }
        }

        var statuses = await Task.WhenAll(updates.Select(async forUser =>
        {
            var codes = new List<int>();
            foreach (var update in forUser)
            {
                codes.Add(await bot.Server.DeliverByWebhookAsync(update));
            }

            return codes;
        }));
        await Task.WhenAll(users.Select((user, i) => bot.ReplyToAsync(user, i % 2 == 0 ? "Что я умею" : "Cosa so fare", TimeSpan.FromSeconds(30))));

        Assert.All(statuses.SelectMany(codes => codes), status => Assert.Equal(200, status));
        var cases = await bot.QueryAsync<(long UserId, string Step, string OrderNumber)>("SELECT user_id, step, order_number FROM cases");
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            Assert.Equal([(user.Id, "ClosedDate", $"810000000000{i:0000}")], cases.Where(c => c.UserId == user.Id));
            var texts = user.Messages.Select(m => m.Text).ToList();
            Assert.Equal(10, texts.Count);
            Assert.All(texts.Skip(2).Take(7), text => Assert.Contains($"810000000000{i:0000}", text, StringComparison.Ordinal));
            Assert.Equal(10, bot.Server.CallsTo("sendMessage").Count(c => c.ChatId == user.ChatId));
        }

        var ids = updates.SelectMany(forUser => forUser.Select(u => (long)u.Id)).ToList();
        Assert.Equal(200, (await bot.QueryAsync<long>("SELECT update_id FROM handled_updates WHERE update_id IN @ids", new { ids })).Count);
        await bot.StopAsync();
        Assert.Empty(await bot.InboxAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"update_id\":")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"update_id\":\"seven\"}")]
    public async Task A_body_that_is_not_an_update_is_a_bad_request_and_nothing_is_stored(string body)
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        Assert.Equal(400, await bot.Server.PostToWebhookAsync(content));

        Assert.Empty(await bot.InboxAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync(s => s["Telegram:WebhookMaxBodyBytes"] = "1024");
        var user = bot.User(5004, "en");

        Assert.Equal(413, await bot.Server.DeliverByWebhookAsync(user.BuildMessage(new string('a', 2000))));
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(user.BuildMessage("/start")));

        await bot.ReplyToAsync(user, EnglishGreeting);
        Assert.Single(user.Messages);
    }

    [Fact]
    public async Task An_update_that_cannot_be_stored_waits_in_the_inbox_with_its_users_later_updates_while_others_go_on()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var (stuck, other) = (bot.User(5005, "en"), bot.User(5006, "en"));
        var first = stuck.BuildMessage("/start");
        await bot.ExecuteAsync(
            $"CREATE TRIGGER refuse_update BEFORE INSERT ON handled_updates WHEN NEW.update_id = {first.Id} BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");

        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(first));
        await bot.Logs.WaitForAsync(line => line.Contains($"Update {first.Id} could not be stored", StringComparison.Ordinal));
        var second = stuck.BuildMessage("/help");
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(second));
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(other.BuildMessage("/start")));
        await bot.ReplyToAsync(other, EnglishGreeting);

        Assert.Empty(stuck.Messages);
        Assert.Equal([first.Id, second.Id], await bot.QueryAsync<long>("SELECT update_id FROM inbox WHERE user_key = @Id ORDER BY update_id", new { stuck.Id }));

        await bot.ExecuteAsync("DROP TRIGGER refuse_update;");
        await bot.ReplyToAsync(stuck, "/language", TimeSpan.FromSeconds(60));

        Assert.Equal(2, stuck.Messages.Count);
        Assert.StartsWith(EnglishGreeting, stuck.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("/language", stuck.Messages[1].Text, StringComparison.Ordinal);
    }
}
