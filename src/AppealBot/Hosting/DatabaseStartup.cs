using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>
/// What must happen once before anything else starts: the single-instance lock, then the schema brought up to date
/// (never by a second bot, which might be older or newer than the one running). On PostgreSQL the migrator takes its
/// own turn (an advisory lock), and no lock file applies: the database is not a file beside the bot.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (AppealBotServices.UsesPostgreSql(services))
        {
            await services.GetRequiredService<PostgreSqlMigrator>().MigrateAsync(cancellationToken);
            return;
        }

        services.GetRequiredService<SingleInstance>().Acquire();
        await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
    }
}

internal static class AppealBotHostStart
{
    /// <summary>
    /// Starts the bot's host (production, the terminal, tests alike): settings checked, the lock taken and the database
    /// migrated — each once, before any hosted service starts, so a problem surfaces as its own exception.
    /// </summary>
    public static async Task StartAppealBotAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        await host.Services.GetRequiredService<DatabaseStartup>().RunAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
    }
}
