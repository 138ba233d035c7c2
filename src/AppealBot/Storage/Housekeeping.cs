using Microsoft.Extensions.Hosting;
using AppealBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Storage;

/// <summary>
/// Hourly upkeep: forgets handled-update ids older than Telegram could ever redeliver (about a day, so two
/// days is safe), and deletes closed cases and inactive users past the retention period.
/// </summary>
internal sealed partial class Housekeeping(IHandledUpdates store, IOptions<BotOptions> options, TimeProvider time, ILogger<Housekeeping> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var removed = await store.PruneAsync(KeepFor, stoppingToken);
                LogPruned(removed);
                var (cases, users) = await store.PurgeExpiredAsync(time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), stoppingToken);
                if (cases + users > 0)
                {
                    LogPurged(cases, users);
                }
            }
            catch (StorageException e)
            {
                LogFailed(e.Reason);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} old handled-update ids")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Cases} closed case(s) and {Users} inactive user(s)")]
    private partial void LogPurged(int cases, int users);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed ({Reason}); trying again later")]
    private partial void LogFailed(string reason);
}
