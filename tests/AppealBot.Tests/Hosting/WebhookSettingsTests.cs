using AppealBot.Hosting;

namespace AppealBot.Tests.Hosting;

public sealed class WebhookSettingsTests
{
    private const string Secret = "0123456789abcdef_ABC-xyz";

    [Theory]
    [InlineData("http://bot.example.com/telegram/hook", Secret, null, "Telegram__WebhookUrl")]
    [InlineData("bot.example.com/telegram/hook", Secret, null, "Telegram__WebhookUrl")]
    [InlineData("https://bot.example.com/telegram/{hook}", Secret, null, "Telegram__WebhookUrl")]
    [InlineData("https://bot.example.com/telegram/hook?x=1", Secret, null, "Telegram__WebhookUrl")]
    [InlineData("https://bot.example.com/telegram/hook", null, null, "Telegram__WebhookSecret")]
    [InlineData("https://bot.example.com/telegram/hook", "", null, "Telegram__WebhookSecret")]
    [InlineData("https://bot.example.com/telegram/hook", "has space", null, "Telegram__WebhookSecret")]
    [InlineData("https://bot.example.com/telegram/hook", "ключ", null, "Telegram__WebhookSecret")]
    [InlineData(null, "not/allowed", null, "Telegram__WebhookSecret")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "https://127.0.0.1:8080", "Telegram__WebhookListen")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "http://*:8080", "Telegram__WebhookListen")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "http://127.0.0.1:8080/telegram", "Telegram__WebhookListen")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "8080", "Telegram__WebhookListen")]
    public void Bad_webhook_settings_fail_with_one_line_naming_the_variable(string? url, string? secret, string? listen, string variable)
    {
        var options = Options(url, secret, listen);

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith(variable, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        if (!string.IsNullOrEmpty(secret))
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", "", null)]
    [InlineData("https://bot.example.com/telegram/3f9a-Zx_7.~", Secret, null)]
    [InlineData("https://bot.example.com:8443/", "s", "http://0.0.0.0:8080")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "http://localhost:9000/")]
    [InlineData("https://bot.example.com/telegram/hook", Secret, "http://[::1]:8080")]
    public void Good_webhook_settings_pass(string? url, string? secret, string? listen)
    {
        Assert.True(new TelegramOptionsValidator().Validate(null, Options(url, secret, listen)).Succeeded);
    }

    [Theory]
    [InlineData(1023L, false)]
    [InlineData(1024L, true)]
    [InlineData(1048576L, true)]
    [InlineData(16L * 1024 * 1024 + 1, false)]
    public void The_body_limit_stays_within_reason(long bytes, bool valid)
    {
        var options = Options("https://bot.example.com/telegram/hook", Secret, null);
        options.WebhookMaxBodyBytes = bytes;

        Assert.Equal(valid, new TelegramOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("http://127.0.0.1:8081", true)]
    [InlineData("127.0.0.1:8081", false)]
    [InlineData("https://127.0.0.1:8081", false)]
    public void Health_listen_is_empty_or_a_local_http_address(string? listen, bool valid)
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions { Listen = listen });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Health__Listen", Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    private static TelegramOptions Options(string? url, string? secret, string? listen)
    {
        var options = new TelegramOptions { BotToken = "123456:TEST-token", WebhookUrl = url, WebhookSecret = secret };
        if (listen is not null)
        {
            options.WebhookListen = listen;
        }

        return options;
    }
}
