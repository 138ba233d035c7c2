using System.Text.Json;
using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Webhook mode: handles the updates the webhook queued, oldest first, in batches, through the same path as
/// polling (<see cref="UpdateBatchRunner"/>), then removes those whose id the handler stored (and those not
/// for the bot). A crash between handling and removing is harmless: the stored update id makes the second
/// run a no-op. An update that could not be stored stays, with the rest of its user's updates behind it,
/// and is tried again after a backoff while other users go on. Woken by the webhook; a sweep
/// (<see cref="IUpdateInbox.SweepEvery"/>) finds what other instances sharing the database left to this one.
/// </summary>
internal sealed partial class InboxProcessor(
    BotStartup startup,
    IUpdateInbox inbox,
    InboxSignal signal,
    UpdateBatchRunner batches,
    BotIdentity identity,
    ISystemdNotifier systemd,
    IOptions<TelegramOptions> options,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly ServiceState Watchdog = new("WATCHDOG=1");

    // Backoff and sweeps are transport timing on the real clock, as in the poller; the business clock is for dates.
    private static readonly TimeProvider RealTime = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesWebhook || !await startup.RunAsync(stoppingToken))
        {
            return;
        }

        await ProcessAsync(untilEmpty: false, stoppingToken);
    }

    /// <summary>
    /// Handles what is queued and returns once the inbox is empty: polling mode calls it first, so updates a
    /// webhook accepted before a switch to polling are not left behind.
    /// </summary>
    public Task DrainAsync(CancellationToken stoppingToken) => ProcessAsync(untilEmpty: true, stoppingToken);

    private async Task ProcessAsync(bool untilEmpty, CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => drain.CancelAfter(UpdatePoller.DrainTime));
        var retries = new UserRetries(RealTime);
        var storageFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // In webhook mode this loop is what feeds systemd's watchdog (the sweep keeps it under a minute).
            if (systemd.IsEnabled)
            {
                systemd.Notify(Watchdog);
            }

            try
            {
                await using (var taken = await inbox.TakeOldestAsync(BatchSize, retries.Waiting(), stoppingToken))
                {
                    storageFailures = 0;
                    if (taken.Updates.Count > 0)
                    {
                        await HandleAsync(taken, retries, drain.Token);
                        continue;
                    }
                }

                if (untilEmpty && retries.IsEmpty)
                {
                    return;
                }

                await signal.WaitAsync(retries.NextRetryIn(inbox.SweepEvery), RealTime, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException e)
            {
                LogInboxFailed(e.Reason);
                await DelayAsync(TransientFailures.Backoff(storageFailures++), stoppingToken);
            }
        }
    }

    private async Task HandleAsync(IInboxBatch taken, UserRetries retries, CancellationToken cancellationToken)
    {
        var queued = taken.Updates;
        var updates = new List<Update>(queued.Count);
        var ignorable = new List<long>();
        foreach (var entry in queued)
        {
            var update = Parse(entry.Payload);
            if (update is null)
            {
                LogUnreadable(entry.UpdateId);
            }
            else
            {
                updates.Add(update);
            }

            // What the handler ignores is done without leaving a handled id behind.
            if (update is null || IncomingUpdate.From(update, identity.Username) is null)
            {
                ignorable.Add(entry.UpdateId);
            }
        }

        // The database, not the runner's answer, says what is done: exactly the updates whose id was stored.
        await batches.RunAsync(updates, cancellationToken);
        var done = await taken.RemoveDoneAsync(ignorable, CancellationToken.None);
        foreach (var user in queued.GroupBy(entry => entry.UserKey))
        {
            if (user.All(entry => done.Contains(entry.UpdateId)))
            {
                retries.Succeeded(user.Key);
            }
            else
            {
                retries.Failed(user.Key);
            }
        }
    }

    private static Update? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, UpdateJson.Info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, RealTime, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook inbox failed ({Reason}); trying again")]
    private partial void LogInboxFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queued update {UpdateId} cannot be read back as an update; dropped")]
    private partial void LogUnreadable(long updateId);

    /// <summary>Users whose update could not be stored, and when each may be tried again (1 s, 2 s, 4 s … 30 s).</summary>
    private sealed class UserRetries(TimeProvider clock)
    {
        private readonly Dictionary<long, (int Failures, DateTimeOffset RetryAt)> _users = [];

        public bool IsEmpty => _users.Count == 0;

        public void Failed(long userKey)
        {
            var failures = _users.TryGetValue(userKey, out var previous) ? previous.Failures + 1 : 1;
            _users[userKey] = (failures, clock.GetUtcNow() + TransientFailures.Backoff(failures - 1));
        }

        public void Succeeded(long userKey) => _users.Remove(userKey);

        /// <summary>Users to leave out of the next batch: their retry is not due yet.</summary>
        public IReadOnlyCollection<long> Waiting()
        {
            var now = clock.GetUtcNow();
            return [.. _users.Where(user => user.Value.RetryAt > now).Select(user => user.Key)];
        }

        /// <summary>How long until the next retry is due, at most <paramref name="longest"/>.</summary>
        public TimeSpan NextRetryIn(TimeSpan longest)
        {
            if (_users.Count == 0)
            {
                return longest;
            }

            var wait = _users.Values.Min(user => user.RetryAt) - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > longest ? longest : wait;
        }
    }
}
