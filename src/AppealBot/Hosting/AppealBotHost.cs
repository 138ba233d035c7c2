using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace AppealBot.Hosting;

/// <summary>Builds the production host; tests build the very same one with their own configuration.</summary>
internal static class AppealBotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, HostApplicationBuilderSettings? settings = null)
    {
        settings ??= new HostApplicationBuilderSettings();
        settings.Args = args;

        // No watcher on appsettings.json: the working directory is the database's (the systemd unit's StateDirectory),
        // so a watcher there woke for every write to the database and its log; nothing reloads settings anyway.
        // (A source, not the indexer: a manager without sources drops what is set through it.)
        settings.Configuration ??= new ConfigurationManager();
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(settings);
        // Time to send what the outbox owes (Telegram:ShutdownDrain), then 5 s to stop the rest.
        builder.Services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<TelegramOptions>>(
            (host, telegram) => host.ShutdownTimeout = telegram.Value.ShutdownDrain + TimeSpan.FromSeconds(5));

        // Under systemd (Type=notify): READY/STOPPING notifications and journald-friendly console logs.
        builder.Services.AddSystemd();
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddAppealBotCore();
        builder.Services.AddTelegramTransport();
        return builder;
    }
}
