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
/// handled and committed, its replies with it in the outbox. The replies go out through the <see cref="ReplyLanes"/>,
/// one lane per chat, so the next poll never waits for them and no user waits for another. A 429 on getUpdates
/// pauses every sender too. Survives network errors and Telegram outages with backoff.
/// </summary>
internal sealed partial class UpdatePoller(
    ITelegramBotClient bot,
    BotStartup startup,
    UpdateBatchRunner batches,
    ISystemdNotifier systemd,
    IOptions<TelegramOptions> options,
    InboxProcessor inbox,
    TelegramHeartbeat heartbeat,
    SendBudget budget,
    IPollingElection election,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    /// <summary>The update kinds the bot acts on; set explicitly because an omitted list keeps an old setting.</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private static readonly ServiceState Watchdog = new("WATCHDOG=1");

    /// <summary>How long storing the batch in hand may take after shutdown was requested (its replies are in the outbox then).</summary>
    internal static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(3);

    /// <summary>How often an instance standing by asks again for the right to poll (several instances on PostgreSQL).</summary>
    internal static readonly TimeSpan StandbyRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // In webhook mode Telegram posts updates to the inbox instead (InboxProcessor).
        if (options.Value.UsesWebhook || !await startup.RunAsync(stoppingToken))
        {
            return;
        }

        // Updates a webhook accepted before the switch to polling are older than anything getUpdates returns.
        await inbox.DrainAsync(stoppingToken);

        var standingBy = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            FeedWatchdog();
            if (await election.TryTakeTurnAsync(stoppingToken) is not { } lease)
            {
                if (!standingBy)
                {
                    LogStandingBy(StandbyRetry.TotalSeconds);
                    standingBy = true;
                }

                await DelayAsync(StandbyRetry, stoppingToken);
                continue;
            }

            await using (lease)
            {
                if (standingBy)
                {
                    LogTookOver();
                    standingBy = false;
                }

                await PollAsync(lease, stoppingToken);
            }
        }
    }

    /// <summary>Polls while this instance holds the right to; returns when stopping or when the right is lost.</summary>
    private async Task PollAsync(IPollingLease lease, CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => drain.CancelAfter(DrainTime));

        int? offset = null;
        var failures = 0;
        var host = TransientFailures.HostOf(options.Value.ApiBaseUrl);
        while (!stoppingToken.IsCancellationRequested)
        {
            FeedWatchdog();
            if (!await lease.StillHeldAsync(stoppingToken))
            {
                break;
            }

            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds,
                    allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                heartbeat.Beat();
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                // Flood control counts the whole bot: nobody sends before retry_after has passed, the poll included.
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                budget.PauseFor(retryAfter);
                LogPollThrottled(host, retryAfter.TotalSeconds);
                await DelayAsync(retryAfter, stoppingToken);
                continue;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) || e is ApiRequestException)
            {
                failures++;
                var delay = TransientFailures.Backoff(failures - 1);
                LogPollFailed(host, TransientFailures.Describe(e), failures, delay.TotalSeconds);
                await DelayAsync(delay, stoppingToken);
                continue;
            }

            if (updates.Length == 0)
            {
                continue;
            }

            var batch = await batches.StoreAsync(updates, drain.Token);
            batches.Send(batch);
            var redeliverFrom = (int?)batch.RedeliverFrom;
            offset = redeliverFrom ?? updates.Max(u => u.Id) + 1;
            if (redeliverFrom is not null)
            {
                failures++;
                await DelayAsync(TransientFailures.Backoff(failures - 1), stoppingToken);
            }
        }

        if (offset is not null)
        {
            await ConfirmAsync(offset.Value);
        }
    }

    /// <summary>The watchdog is fed by the loops themselves: a hung loop gets the service restarted.</summary>
    private void FeedWatchdog()
    {
        if (systemd.IsEnabled)
        {
            systemd.Notify(Watchdog);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance polls Telegram; this one stands by and asks again every {Seconds} s")]
    private partial void LogStandingBy(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance polls Telegram now (the one that did stopped)")]
    private partial void LogTookOver();

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates to {Host} failed ({Error}); failure {Failures} in a row, trying again in {Seconds:0.0} s")]
    private partial void LogPollFailed(string host, string error, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates: {Host} asked to slow down; pausing all sending and polling for {Seconds} s")]
    private partial void LogPollThrottled(string host, double seconds);
}
