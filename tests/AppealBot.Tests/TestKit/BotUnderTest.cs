using AppealBot.Hosting;
using AppealBot.Tests.FakeTelegram;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AppealBot.Tests.TestKit;

/// <summary>
/// The real AppealBot host, wired exactly as in production, talking over HTTP to the fake Bot API server,
/// with its own SQLite file and a fake clock. Only configuration differs from a real deployment.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private IHost? _host;

    private BotUnderTest(FakeTelegramServer server, string directory, FakeTimeProvider clock)
    {
        Server = server;
        _directory = directory;
        Clock = clock;
    }

    public FakeTelegramServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public string DatabasePath => Path.Combine(_directory, "appealbot.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    public static async Task<BotUnderTest> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var server = await FakeTelegramServer.StartAsync(clock: clock);
        var directory = Directory.CreateTempSubdirectory("appealbot-test-").FullName;
        var bot = new BotUnderTest(server, directory, clock);
        await bot.StartHostAsync(configure);
        return bot;
    }

    public FakeUser User(long id, string? languageCode) => Server.User(id, languageCode);

    /// <summary>
    /// Moves the business clock on and nudges the reminder dispatcher, so it looks at the new time even if it was
    /// just arming a timer computed from the old one.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Services.GetRequiredService<AppealBot.Reminders.ReminderSignal>().Wake();
    }

    /// <summary>Completes once the reminder dispatcher has handled everything due by now and found nothing more.</summary>
    public Task RemindersSettledAsync()
    {
        var idle = Services.GetRequiredService<AppealBot.Reminders.DispatchRounds>().WaitForIdleAsync();
        Services.GetRequiredService<AppealBot.Reminders.ReminderSignal>().Wake();
        return idle.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Moves the clock to a moment (UTC) and nudges the dispatcher.</summary>
    public void AdvanceTo(DateTimeOffset moment) => Advance(moment - Clock.GetUtcNow());

    /// <summary>Stops the host the way SIGTERM would and starts a new one on the same database and server.</summary>
    public async Task RestartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        await StopAsync();
        await StartHostAsync(configure);
    }

    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartHostAsync(Action<Dictionary<string, string?>>? configure)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = Server.Token,
            ["Telegram:ApiBaseUrl"] = Server.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "10",

            // Flows tap faster than Telegram's per-chat pace allows; tests of the limits switch them on.
            ["Telegram:MessagesPerSecond"] = "0",
            ["ConnectionStrings:AppealBot"] = ConnectionString,
        };
        configure?.Invoke(settings);

        var builder = AppealBotHost.CreateBuilder([], new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        _host = builder.Build();
        await _host.StartAsync();
    }
}
