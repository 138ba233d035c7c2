using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Hosting;

/// <summary>Builds the production host; tests build the very same one with their own configuration.</summary>
internal static class AppealBotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, HostApplicationBuilderSettings? settings = null)
    {
        settings ??= new HostApplicationBuilderSettings();
        settings.Args = args;
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddAppealBotCore();
        builder.Services.AddTelegramTransport();
        return builder;
    }
}
