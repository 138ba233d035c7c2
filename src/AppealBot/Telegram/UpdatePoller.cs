using AppealBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>
/// Long-polls getUpdates and confirms a batch (by asking for the next offset) only after every update in it was
/// handled and committed. Pipelined: while one batch's replies go out, the next batch is fetched and stored; its
/// replies wait for the previous batch's, so each user's replies keep their order. A long poll is made only when
/// no reply is left to send — so every getUpdates request starts after the replies of all batches but the one it
/// confirms. Survives network errors and Telegram outages with backoff.
/// </summary>
internal sealed partial class UpdatePoller(
    ITelegramBotClient bot,
    BotStartup startup,
    UpdateBatchRunner batches,
    ISystemdNotifier systemd,
    IOptions<TelegramOptions> options,
    InboxProcessor inbox,
    TelegramHeartbeat heartbeat,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    /// <summary>The update kinds the bot acts on; set explicitly because an omitted list keeps an old setting.</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly ServiceState Watchdog = new("WATCHDOG=1");

    /// <summary>How long in-flight updates may take to finish after shutdown was requested.</summary>
    internal static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // In webhook mode Telegram posts updates to the inbox instead (InboxProcessor).
        if (options.Value.UsesWebhook || !await startup.RunAsync(stoppingToken))
        {
            return;
        }

        // Updates a webhook accepted before the switch to polling are older than anything getUpdates returns.
        await inbox.DrainAsync(stoppingToken);

        using var drain = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => drain.CancelAfter(DrainTime));

        int? offset = null;
        var failures = 0;
        var sending = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The watchdog is fed by the loop itself: a hung loop gets the service restarted.
            if (systemd.IsEnabled)
            {
                systemd.Notify(Watchdog);
            }

            Update[] updates;
            try
            {
                // While replies are going out, only look for what is already waiting: a long poll would hold them.
                var timeout = sending.IsCompleted ? options.Value.PollTimeoutSeconds : 0;
                updates = await bot.GetUpdates(offset, limit: 100, timeout: timeout,
                    allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                heartbeat.Beat();
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) || e is ApiRequestException)
            {
                failures++;
                LogPollFailed(TransientFailures.Describe(e), failures);
                await DelayAsync(TransientFailures.Backoff(failures - 1), stoppingToken);
                continue;
            }

            if (updates.Length == 0)
            {
                await sending;
                continue;
            }

            var batch = await batches.StoreAsync(updates, drain.Token);
            await sending;
            sending = batches.SendAsync(batch, drain.Token);
            var redeliverFrom = batch.RedeliverFrom;
            offset = redeliverFrom ?? updates.Max(u => u.Id) + 1;
            if (redeliverFrom is not null)
            {
                failures++;
                await DelayAsync(TransientFailures.Backoff(failures - 1), stoppingToken);
            }
        }

        try
        {
            await sending;
        }
        catch (OperationCanceledException)
        {
            // Out of drain time: the batch is stored and is confirmed below; its remaining replies are dropped.
        }

        if (offset is not null)
        {
            await ConfirmAsync(offset.Value);
        }
    }

    /// <summary>Tells Telegram about the last handled batch before exiting, so it is not delivered again.</summary>
    private async Task ConfirmAsync(int offset)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await bot.GetUpdates(offset, limit: 1, timeout: 0, allowedUpdates: AllowedUpdates, cancellationToken: timeout.Token);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e) || e is ApiRequestException or OperationCanceledException)
        {
            // Not fatal: the stored update ids stop a redelivered update from being handled twice.
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Error}); failure {Failures} in a row, backing off")]
    private partial void LogPollFailed(string error, int failures);
}
