using AppealBot.Conversation;
using AppealBot.Hosting;
using AppealBot.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Checks the token with getMe (a rejected token stops the process with a clear message), publishes the
/// command menu in every language, and tells Telegram how to deliver updates: setWebhook in webhook mode,
/// deleteWebhook before long polling (getUpdates answers 409 while a webhook is set).
/// </summary>
internal sealed partial class BotStartup(
    ITelegramBotClient bot,
    BotIdentity identity,
    TelegramHeartbeat heartbeat,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    ISystemdNotifier systemd,
    ILogger<BotStartup> logger)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once <see cref="RunAsync"/> has succeeded.</summary>
    public Task WhenConnectedAsync(CancellationToken cancellationToken) => _connected.Task.WaitAsync(cancellationToken);

    /// <summary>False when the bot cannot run (the token or the webhook was rejected, or shutdown began first).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            // Waiting for the network at boot is progress too: keep systemd's watchdog fed.
            if (systemd.IsEnabled)
            {
                systemd.Notify(new ServiceState("WATCHDOG=1"));
            }

            try
            {
                var me = await bot.GetMe(cancellationToken);
                identity.Username = me.Username;
                heartbeat.Beat();
                LogConnected(me.Id, me.Username ?? "?");
                await PublishCommandsAsync(cancellationToken);
                await ChooseDeliveryAsync(cancellationToken);
                _connected.TrySetResult();
                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                LogTokenRejected(e.ErrorCode, TelegramOptions.TokenVariable);
                return Fatal(ExitCodes.TokenRejected);
            }
            catch (WebhookRefusedException e)
            {
                LogWebhookRefused(e.Message);
                return Fatal(ExitCodes.BadConfiguration);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) || e is ApiRequestException)
            {
                LogNotReachable(TransientFailures.Describe(e));
                try
                {
                    await Task.Delay(TransientFailures.Backoff(attempt), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private bool Fatal(int exitCode)
    {
        Environment.ExitCode = exitCode;
        lifetime.StopApplication();
        return false;
    }

    private async Task ChooseDeliveryAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesWebhook)
        {
            // Keeps what Telegram queued meanwhile: those updates come through getUpdates next.
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: cancellationToken);
            return;
        }

        try
        {
            await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: UpdatePoller.AllowedUpdates,
                dropPendingUpdates: false, secretToken: settings.WebhookSecret, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // "bad webhook: …" (not https, a port Telegram refuses, a host it cannot resolve): a setting to fix.
            throw new WebhookRefusedException(e.Message);
        }

        heartbeat.Beat();
        var publicAuthority = new Uri(settings.WebhookUrl!).Authority;
        LogWebhookSet(publicAuthority);
    }

    private async Task PublishCommandsAsync(CancellationToken cancellationToken)
    {
        foreach (var language in Languages.All)
        {
            var texts = Localizer.For(language);
            var commands = Dialogue.MenuCommands.Select(c => new BotCommand(c, texts[$"command.{c}"]));

            // English is the default menu for every language the bot does not speak.
            var languageCode = language == Language.En ? null : language.Code();
            await bot.SetMyCommands(commands, languageCode: languageCode, cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Telegram as bot {BotId} (@{Username})")]
    private partial void LogConnected(long botId, string username);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token ({ErrorCode}): check {Variable}; get a token from @BotFather")]
    private partial void LogTokenRejected(int errorCode, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook set: Telegram posts updates to https://{Authority}/…")]
    private partial void LogWebhookSet(string authority);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram refused the webhook ({Error}): check Telegram__WebhookUrl")]
    private partial void LogWebhookRefused(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram is not reachable yet ({Error}); retrying")]
    private partial void LogNotReachable(string error);

    private sealed class WebhookRefusedException(string message) : Exception(message);
}
