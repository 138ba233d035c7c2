using System.Text.Json;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AppealBot.Tests.Telegram;

/// <summary>Choosing between webhook and long polling at start, and switching between them.</summary>
public sealed class WebhookModeTests
{
    private const string RussianGreeting = "Здравствуйте! Я AppealBot.";

    [Fact]
    public async Task Webhook_mode_registers_the_webhook_with_the_secret_and_the_update_kinds_and_does_not_poll()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();

        var call = await bot.Server.WaitForCallAsync("setWebhook", c => c.Succeeded);
        Assert.Equal(BotUnderTest.WebhookUrl, call.Body.GetProperty("url").GetString());
        var webhook = bot.Server.Webhook!;
        Assert.Equal(BotUnderTest.WebhookSecret, webhook.SecretToken);
        Assert.Equal(["message", "edited_message", "callback_query", "my_chat_member"], webhook.AllowedUpdates);
        Assert.False(webhook.DropPendingUpdates);
        Assert.Empty(bot.Server.CallsTo("getUpdates"));
        Assert.Empty(bot.Server.CallsTo("deleteWebhook"));
    }

    [Fact]
    public async Task SetWebhook_is_retried_after_a_server_error()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.StopAsync();
        bot.Server.FailNext("setWebhook", FakeFault.ServerError());

        await bot.RestartAsync(BotUnderTest.UseWebhook);

        Assert.Equal([502, null], bot.Server.CallsTo("setWebhook").Select(c => c.ErrorCode));
        Assert.NotNull(bot.Server.Webhook);
    }

    [Fact]
    public async Task Back_to_polling_the_webhook_is_deleted_and_updates_it_had_accepted_are_handled_first()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var user = bot.User(5008, "ru");
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Server.CreateClient().GetUpdates());
        Assert.Equal(409, conflict.ErrorCode);

        // Accepted with 200 just before the bot stopped, not yet handled.
        await bot.StopAsync();
        var accepted = user.BuildMessage("/start");
        await bot.ExecuteAsync(
            "INSERT INTO inbox (update_id, user_key, payload, received_at) VALUES (@Id, @UserKey, @Payload, 0)",
            new { accepted.Id, UserKey = user.Id, Payload = JsonSerializer.Serialize(accepted, JsonBotAPI.Options) });

        await bot.RestartAsync();
        var reply = await user.SendAsync("/help");

        Assert.Null(bot.Server.Webhook);
        Assert.Contains("Что я умею", reply.Last.Text, StringComparison.Ordinal);
        Assert.Equal(2, user.Messages.Count);
        Assert.StartsWith(RussianGreeting, user.Messages[0].Text, StringComparison.Ordinal);
        Assert.Empty(await bot.InboxAsync());
    }

    [Fact]
    public async Task Polling_mode_deletes_any_webhook_before_the_first_getUpdates_and_serves_no_http()
    {
        await using var bot = await BotUnderTest.StartAsync();

        var delete = await bot.Server.WaitForCallAsync("deleteWebhook");
        await bot.User(5009, "en").SendAsync("/help");

        Assert.False(delete.Body.TryGetProperty("drop_pending_updates", out var drop) && drop.GetBoolean());
        var methods = bot.Server.Calls.Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("deleteWebhook") < methods.IndexOf("getUpdates"), string.Join(", ", methods));
        Assert.Null(bot.HttpAddress);
    }
}
