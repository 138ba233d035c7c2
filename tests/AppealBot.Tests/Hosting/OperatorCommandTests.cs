using System.Net;
using System.Net.Sockets;
using AppealBot.Hosting;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Hosting;

/// <summary>What an operator meets at the command line: unreadable settings, restore under a running bot, health in polling mode.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("appealbot-operator-").FullName;

    private string Database => $"--ConnectionStrings:AppealBot=Data Source={Path.Combine(_directory, "appealbot.db")}";

    [Theory]
    [InlineData("Reminders:DayTime", "25:00", "Reminders__DayTime", "10:00")]
    [InlineData("Bot:MaxConcurrentUsers", "lots", "Bot__MaxConcurrentUsers", "whole number")]
    [InlineData("Telegram:ReplyLifetime", "a day", "Telegram__ReplyLifetime", "1.00:00:00")]
    public async Task A_setting_that_cannot_be_read_exits_with_code_2_and_one_line_naming_it(string key, string value, string named, string form)
    {
        var (code, output, error) = await RunAsync("--Telegram:BotToken=123456:TEST-token", $"--{key}={value}", Database);

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(form, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_is_refused_while_the_bot_runs_and_works_once_it_stopped()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.User(7301, "en").SendAsync("/start");
        var backup = Path.Combine(_directory, "backup.db");
        var botDatabase = $"--ConnectionStrings:AppealBot={bot.ConnectionString}";
        Assert.Equal(ExitCodes.Ok, (await RunAsync("backup", backup, botDatabase)).Code);

        var refused = await RunAsync("restore", backup, botDatabase);

        Assert.Equal(ExitCodes.AlreadyRunning, refused.Code);
        Assert.Contains("stop it first", refused.Error, StringComparison.Ordinal);
        await bot.StopAsync();
        Assert.Equal(ExitCodes.Ok, (await RunAsync("restore", backup, botDatabase)).Code);
    }

    [Fact]
    public async Task Health_in_polling_mode_says_unhealthy_when_Telegram_cannot_be_reached()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var token = $"--Telegram:BotToken={server.Token}";

        var healthy = await RunAsync("health", token, $"--Telegram:ApiBaseUrl={server.BaseUrl}", Database);
        var down = await RunAsync("health", token, $"--Telegram:ApiBaseUrl=http://127.0.0.1:{ClosedPort()}", Database);

        Assert.Equal(ExitCodes.Ok, healthy.Code);
        Assert.Equal(ExitCodes.Unhealthy, down.Code);
        Assert.Contains("not reachable", down.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, down.Output + healthy.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "usage: AppealBot")]
    [InlineData("--version", "AppealBot 1.")]
    public async Task Help_and_version_answer_without_a_token(string argument, string expected)
    {
        var (code, output, _) = await RunAsync(argument);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith(expected, output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AppealBotApp.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
