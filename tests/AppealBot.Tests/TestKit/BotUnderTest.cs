using System.Data.Common;
using AppealBot.Hosting;
using AppealBot.Telegram;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit.PostgreSql;
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
/// with its own database and a fake clock. Only configuration differs from a real deployment. The database is a SQLite
/// file, or, for a test class that <see cref="IRunsOnPostgreSql"/>, a fresh database on the test PostgreSQL server.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The public URL a webhook-mode bot registers; the fake server posts to its path on the bot's real port.</summary>
    public const string WebhookUrl = "https://bot.example.test/telegram/hook";

    public const string WebhookSecret = "test-Secret_0123456789";

    private readonly string _directory;
    private readonly PostgreSqlTestDatabase? _postgreSql;
    private IHost? _host;

    private BotUnderTest(FakeTelegramServer server, string directory, FakeTimeProvider clock, PostgreSqlTestDatabase? postgreSql)
    {
        Server = server;
        _directory = directory;
        Clock = clock;
        _postgreSql = postgreSql;
    }

    public FakeTelegramServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public string DatabasePath => Path.Combine(_directory, "appealbot.db");

    public string ConnectionString => _postgreSql?.ConnectionString ?? $"Data Source={DatabasePath}";

    /// <summary>True when the bot keeps its data in PostgreSQL.</summary>
    public bool OnPostgreSql => _postgreSql is not null;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>Where the bot's HTTP server listens (webhook and health endpoints), like http://127.0.0.1:41234; null without one.</summary>
    public Uri? HttpAddress { get; private set; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="postgreSql">On a fresh PostgreSQL database instead of a SQLite file (<see cref="IRunsOnPostgreSql"/>).</param>
    public static async Task<BotUnderTest> StartAsync(Action<Dictionary<string, string?>>? configure = null, bool postgreSql = false)
    {
        var clock = new FakeTimeProvider(Start);
        var server = await FakeTelegramServer.StartAsync(clock: clock);
        var directory = Directory.CreateTempSubdirectory("appealbot-test-").FullName;
        var bot = new BotUnderTest(server, directory, clock, postgreSql ? await PostgreSqlServer.CreateDatabaseAsync() : null);
        await bot.StartHostAsync(configure);
        return bot;
    }

    /// <summary>
    /// The bot in webhook mode, listening on a free local port that the fake server delivers to; returns once
    /// setWebhook has succeeded.
    /// </summary>
    public static Task<BotUnderTest> StartWithWebhookAsync(Action<Dictionary<string, string?>>? configure = null) =>
        StartAsync(settings =>
        {
            UseWebhook(settings);
            configure?.Invoke(settings);
        });

    /// <summary>Webhook-mode settings, for <see cref="StartAsync"/> and <see cref="RestartAsync"/>.</summary>
    public static void UseWebhook(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Telegram:WebhookUrl"] = WebhookUrl;
        settings["Telegram:WebhookSecret"] = WebhookSecret;
        settings["Telegram:WebhookListen"] = "http://127.0.0.1:0";
    }

    /// <summary>Completes when the bot has sent <paramref name="user"/> a message whose HTML contains <paramref name="text"/>.</summary>
    public Task<RecordedCall> ReplyToAsync(FakeUser user, string text, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Server.WaitForCallAsync(
            "sendMessage", c => c.Succeeded && c.ChatId == user.ChatId && c.Text?.Contains(text, StringComparison.Ordinal) == true, timeout);
    }

    /// <summary>The update ids waiting in the webhook inbox.</summary>
    public Task<IReadOnlyList<long>> InboxAsync() => QueryAsync<long>("SELECT update_id FROM inbox ORDER BY update_id");

    /// <summary>GET on the bot's HTTP server, e.g. "/healthz".</summary>
    public Task<HttpResponseMessage> GetAsync(string path) =>
        Http.GetAsync(new Uri(HttpAddress ?? throw new InvalidOperationException("The bot serves no HTTP."), path));

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

    /// <summary>SQL on the bot's database, whichever engine it is (the tests' SQL is what both engines take).</summary>
    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = Connect();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Connect();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    private DbConnection Connect() => OnPostgreSql ? new Npgsql.NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Server.DisposeAsync();
        Http.Dispose();
        SqliteConnection.ClearAllPools();
        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
        }

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
            ["Storage:Provider"] = OnPostgreSql ? "PostgreSql" : "Sqlite",
        };
        configure?.Invoke(settings);

        var builder = AppealBotHost.CreateBuilder([], new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        _host = builder.Build();
        await _host.StartAppealBotAsync();

        HttpAddress = _host.Services.GetRequiredService<WebServer>().Addresses is [var address, ..] ? address : null;
        Server.WebhookTarget = HttpAddress;

        // Replies go out per chat, apart from polling: the bot itself knows when an update's replies are all out.
        var lanes = _host.Services.GetRequiredService<ReplyLanes>();
        Server.AnsweredBy = lanes.WhenAnsweredAsync;
        if (!string.IsNullOrEmpty(settings.GetValueOrDefault("Telegram:WebhookUrl")))
        {
            // Deliveries need the webhook registered with the fake server first.
            await _host.Services.GetRequiredService<BotStartup>().WhenConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
