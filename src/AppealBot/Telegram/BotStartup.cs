using AppealBot.Conversation;
using AppealBot.Hosting;
using AppealBot.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Checks the token with getMe (a rejected token stops the process with a clear message) and
/// publishes the command menu in every language.
/// </summary>
internal sealed partial class BotStartup(
    ITelegramBotClient bot,
    IHostApplicationLifetime lifetime,
    ISystemdNotifier systemd,
    ILogger<BotStartup> logger)
{
    /// <summary>False when the bot cannot run (the token was rejected, or shutdown began first).</summary>
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
                LogConnected(me.Id, me.Username ?? "?");
                await PublishCommandsAsync(cancellationToken);
                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                LogTokenRejected(e.ErrorCode, TelegramOptions.TokenVariable);
                Environment.ExitCode = ExitCodes.TokenRejected;
                lifetime.StopApplication();
                return false;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram is not reachable yet ({Error}); retrying")]
    private partial void LogNotReachable(string error);
}
