using AppealBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AppealBot.Telegram;

/// <summary>
/// Webhook mode: asks Telegram every minute how delivery goes (getWebhookInfo). A quiet bot still hears from
/// Telegram this way, so readiness does not lapse at night, and the errors Telegram met when posting to us
/// (a proxy answering 502, a wrong certificate) reach the log instead of staying on Telegram's side.
/// </summary>
internal sealed partial class WebhookWatch(
    ITelegramBotClient bot,
    BotStartup startup,
    TelegramHeartbeat heartbeat,
    IOptions<TelegramOptions> options,
    ILogger<WebhookWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesWebhook)
        {
            return;
        }

        DateTime? lastErrorSeen = null;
        try
        {
            await startup.WhenConnectedAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                lastErrorSeen = await CheckAsync(lastErrorSeen, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Returns the time of the latest delivery error Telegram reported, logged once.</summary>
    private async Task<DateTime?> CheckAsync(DateTime? lastErrorSeen, CancellationToken cancellationToken)
    {
        try
        {
            var info = await bot.GetWebhookInfo(cancellationToken);
            heartbeat.Beat();
            if (!string.Equals(info.Url, options.Value.WebhookUrl, StringComparison.Ordinal))
            {
                // Someone else (another instance, a polling run) changed it; fighting over it would not help.
                LogWebhookChanged(string.IsNullOrEmpty(info.Url) ? "removed" : "pointed elsewhere");
            }

            if (info.LastErrorDate is { } at && at != lastErrorSeen)
            {
                LogDeliveryError(info.LastErrorMessage ?? "?", at, info.PendingUpdateCount);
                return at;
            }
        }
        catch (Exception e) when ((TransientFailures.IsTransient(e) || e is ApiRequestException) && !cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(TransientFailures.Describe(e));
        }

        return lastErrorSeen;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook was {Change} outside this process; updates may not reach the bot until it restarts")]
    private partial void LogWebhookChanged(string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram could not deliver to the webhook: {Error} (at {At:u}, {Pending} updates waiting); check the proxy and Telegram__WebhookListen")]
    private partial void LogDeliveryError(string error, DateTime at, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getWebhookInfo failed ({Error}); asking again in a minute")]
    private partial void LogCheckFailed(string error);
}
