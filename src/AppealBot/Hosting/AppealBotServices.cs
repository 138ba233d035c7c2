using System.Diagnostics.CodeAnalysis;
using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Handling;
using AppealBot.Reminders;
using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AppealBot.Hosting;

internal static class AppealBotServices
{
    private const string TelegramHttpClient = "telegram";

    /// <summary>Storage and the conversation: everything the bot needs whatever carries the messages.</summary>
    public static IServiceCollection AddAppealBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp =>
        {
            // Asked for on PostgreSQL, it would read the PostgreSQL connection string as a file name: say what went wrong instead.
            var configuration = sp.GetRequiredService<IConfiguration>();
            return UsesPostgreSql(sp)
                ? throw new InvalidOperationException("The SQLite database was asked for with Storage:Provider=PostgreSql.")
                : new Database(configuration.GetConnectionString("AppealBot") ?? "Data Source=appealbot.db", configuration["Storage:Synchronous"] ?? "FULL");
        });
        services.AddSingleton<Migrator>();
        services.AddSingleton(sp => new PostgreSqlDatabase(sp.GetRequiredService<IConfiguration>().GetConnectionString("AppealBot") ?? string.Empty));
        services.AddSingleton<PostgreSqlMigrator>();

        // The engine is chosen here; everything else sees only the interfaces.
        services.AddPerEngine<IUpdateWriter, UpdateWriter, PostgreSqlUpdateWriter>();
        services.AddSingleton<SingleInstance>();
        services.AddSingleton<DatabaseStartup>();
        services.AddPerEngine<IReminderQueue, ReminderQueue, PostgreSqlReminderQueue>();
        services.AddPerEngine<IUpdateInbox, UpdateInbox, PostgreSqlUpdateInbox>();
        services.AddPerEngine<IUserStatusStore, UserStatusStore, PostgreSqlUserStatusStore>();
        services.AddPerEngine<IPhotoCheckStore, PhotoCheckStore, PostgreSqlPhotoCheckStore>();
        services.AddPerEngine<IBotStatistics, Statistics, PostgreSqlStatistics>();
        services.AddPerEngine<IHandledUpdates, HandledUpdates, PostgreSqlHandledUpdates>();
        services.AddPerEngine<IOwedReplies, SqliteOwedReplies, PostgreSqlOwedReplies>();
        services.AddSingleton<InstanceId>();
        services.AddSingleton<PostgreSqlInstances>();
        services.AddHostedService<Housekeeping>();
        services.AddSingleton<WalSignal>();
        services.AddSingleton<WalCheckpointer>();
        services.AddSingleton<IHostedService>(sp => UsesPostgreSql(sp) ? new NothingToRun() : sp.GetRequiredService<WalCheckpointer>());

        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeadlineOptions>, DeadlineOptionsValidator>();
        services.AddOptions<CollageOptions>().BindConfiguration(CollageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollageOptions>, CollageOptionsValidator>();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<DispatchRounds>();
        services.AddSingleton<IRuntimeFacts, RuntimeFacts>();
        services.AddSingleton<Dialogue>();
        services.AddSingleton(sp => new PressesInFlight(TimeProvider.System));
        services.AddSingleton<InputHandler>();
        services.AddSingleton<BotIdentity>();
        return services;
    }

    /// <summary>Both engines' implementations, and <typeparamref name="TService"/> as the one <see cref="StorageOptions.Provider"/> names.</summary>
    private static void AddPerEngine<
        TService,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSqlite,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPostgreSql>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TPostgreSql : class, TService
    {
        services.AddSingleton<TSqlite>();
        services.AddSingleton<TPostgreSql>();
        services.AddSingleton<TService>(sp => UsesPostgreSql(sp) ? sp.GetRequiredService<TPostgreSql>() : sp.GetRequiredService<TSqlite>());
    }

    /// <summary>
    /// Read when a service is first resolved, not when services are registered: settings added after the builder was
    /// made (tests, the terminal) count too.
    /// </summary>
    public static bool UsesPostgreSql(IServiceProvider services) =>
        string.Equals(services.GetRequiredService<IConfiguration>()[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Telegram transport: the Bot API client, the reply sender, and updates coming in by long polling or,
    /// when Telegram:WebhookUrl is set, by the webhook; plus the health endpoints.
    /// </summary>
    public static IServiceCollection AddTelegramTransport(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();

        services.AddKeyedSingleton(TelegramHttpClient, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

            // Longer than the long-poll timeout, so a quiet getUpdates is not mistaken for a dead connection.
            return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 20) };
        });
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredKeyedService<HttpClient>(TelegramHttpClient);
            // RetryThreshold 0: a 429 comes back to the sender, which pauses the shared budget for everyone.
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken!, options.ApiBaseUrl) { RetryThreshold = 0 }, http);
        });

        // Telegram's limits are real seconds: pacing uses the real clock even when tests move the business clock.
        services.AddSingleton(sp => new SendBudget(sp.GetRequiredService<IOptions<TelegramOptions>>(), TimeProvider.System));
        services.AddSingleton<TelegramReplySender>();
        services.AddSingleton<IChatSender>(sp => sp.GetRequiredService<TelegramReplySender>());
        services.AddSingleton<PhotoDownloads>();
        services.AddSingleton<CollageQueue>();
        services.AddSingleton<CollageDelivery>();
        services.AddHostedService<CollageWorker>();
        services.AddHostedService<ReminderDispatcher>();
        services.AddSingleton<TelegramHeartbeat>();
        services.AddSingleton<BotStartup>();
        services.AddSingleton<UpdateBatchRunner>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<Readiness>();

        // Before anything that takes updates: what the outbox still owes is queued first (and stops last, draining).
        services.AddSingleton<OutboxStore>();
        services.AddPerEngine<IPollingElection, SingleProcessElection, AdvisoryLockElection>();
        services.AddSingleton<InstanceHeartbeat>();
        services.AddSingleton<IHostedService>(sp => UsesPostgreSql(sp) ? sp.GetRequiredService<InstanceHeartbeat>() : new NothingToRun());
        services.AddSingleton<ReplyLanes>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplyLanes>());

        // Each runs only in its mode. The web server starts first, so it listens before setWebhook is called.
        services.AddSingleton<WebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServer>());
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddHostedService<WebhookWatch>();
        services.AddHostedService<UpdatePoller>();
        return services;
    }

    /// <summary>Stands in for a hosted service the chosen engine does not need (SQLite's checkpointer on PostgreSQL).</summary>
    private sealed class NothingToRun : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
