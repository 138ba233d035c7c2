using System.Net;
using System.Text.Json;
using AppealBot.Tests.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Tests.Telegram;

/// <summary>/healthz and /readyz, on the webhook listener or on Health:Listen in polling mode.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_and_readiness_are_served_on_the_webhook_listener()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();

        using var health = await bot.GetAsync("/healthz");
        using var ready = await bot.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Not_ready_while_the_database_takes_no_writes()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        await using var locker = new SqliteConnection(bot.ConnectionString);
        await locker.OpenAsync();
        await locker.ExecuteAsync("BEGIN EXCLUSIVE;");

        using var locked = await bot.GetAsync("/readyz");
        await locker.ExecuteAsync("ROLLBACK;");
        using var unlocked = await bot.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Contains("database", await ReasonAsync(locked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task Not_ready_when_Telegram_has_not_been_heard_from_for_minutes()
    {
        await using var bot = await BotUnderTest.StartWithWebhookAsync();
        var user = bot.User(5007, "en");

        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        using var silent = await bot.GetAsync("/readyz");
        Assert.Equal(200, await bot.Server.DeliverByWebhookAsync(user.BuildMessage("/start")));
        using var heard = await bot.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, silent.StatusCode);
        Assert.Equal("Telegram has not answered for 180 s", await ReasonAsync(silent));
        Assert.Equal(HttpStatusCode.OK, heard.StatusCode);
    }

    [Fact]
    public async Task Polling_mode_with_a_health_address_serves_health_and_readiness()
    {
        await using var bot = await BotUnderTest.StartAsync(s => s["Health:Listen"] = "http://127.0.0.1:0");
        await bot.Server.WaitForCallAsync("deleteWebhook");

        using var health = await bot.GetAsync("/healthz");
        using var ready = await bot.GetAsync("/readyz");
        using var webhook = await bot.Http.PostAsync(new Uri(bot.HttpAddress!, "/telegram/hook"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
        return json.RootElement.GetProperty("reason").GetString()!;
    }
}
