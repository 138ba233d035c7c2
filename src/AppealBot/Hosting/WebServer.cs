using System.Text.Json;
using System.Text.Json.Serialization;
using AppealBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>
/// Kestrel, only when there is something to serve: in webhook mode the webhook plus /healthz and /readyz on
/// Telegram:WebhookListen; in polling mode the two health endpoints on Health:Listen, if set. It is a small
/// web application of its own, so the bot's host stays a plain generic host; the endpoints are the bot's
/// own singletons, passed in.
/// </summary>
internal sealed partial class WebServer(
    WebhookEndpoint webhook,
    Readiness readiness,
    IOptions<TelegramOptions> telegram,
    IOptions<HealthOptions> health,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    ILogger<WebServer> logger) : IHostedService
{
    private WebApplication? _app;

    /// <summary>Where it listens, as bound (a port 0 in the settings is resolved); empty when it does not run.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = telegram.Value;
        var (listen, variable) = settings.UsesWebhook
            ? (settings.WebhookListen, "Telegram__WebhookListen")
            : (health.Value.Listen, "Health__Listen");
        if (string.IsNullOrWhiteSpace(listen))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(new SharedLogs(loggerFactory));

        // A line per request would repeat every delivery, and the webhook's path, in the journal; a failed
        // start is logged below in one line, not by the inner host with a stack trace.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, ExternallyStoppedLifetime>();
        builder.WebHost.UseUrls(listen);

        // Only our setting decides where to listen: the aspnet container image sets ASPNETCORE_HTTP_PORTS=8080.
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.WebhookMaxBodyBytes;
        });

        var app = builder.Build();
        app.MapGet("/healthz", context => WriteTextAsync(context, "ok"));
        app.MapGet("/readyz", ReadyAsync);
        if (settings.UsesWebhook)
        {
            app.MapPost(settings.WebhookPath, webhook.HandleAsync);
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // Reported like a bad setting: one line, exit code 2 (another program has the port, or the address is not local).
            LogCannotListen(variable, e.Message);
            await app.DisposeAsync();
            Environment.ExitCode = ExitCodes.BadConfiguration;
            lifetime.StopApplication();
            return;
        }

        _app = app;
        Addresses = [.. app.Urls.Select(url => new Uri(url))];
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    private async Task ReadyAsync(HttpContext context)
    {
        if (await readiness.ProblemAsync(context.RequestAborted) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new NotReady("unavailable", problem), HealthJson.Default.NotReady, cancellationToken: context.RequestAborted);
            return;
        }

        await WriteTextAsync(context, "ok");
    }

    private static Task WriteTextAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot listen for HTTP ({Error}): check {Variable}")]
    private partial void LogCannotListen(string variable, string error);



    /// <summary>The web application logs through the bot's own logging, with its filters and providers.</summary>
    private sealed class SharedLogs(ILoggerFactory bot) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => bot.CreateLogger(categoryName);

        public void Dispose()
        {
            // The bot's host owns the factory.
        }
    }
}

internal sealed record NotReady(string Status, string Reason);

/// <summary>The health endpoints' JSON, generated at build time; camelCase like the rest of ASP.NET Core's answers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NotReady))]
internal sealed partial class HealthJson : JsonSerializerContext;
