using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppealBot.Storage;

/// <summary>
/// Keeps the handled-update table small: Telegram redelivers an unconfirmed update for about a day,
/// so ids older than two days can never come back.
/// </summary>
internal sealed partial class HandledUpdatePruner(HandledUpdates store, TimeProvider time, ILogger<HandledUpdatePruner> logger)
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
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                LogFailed(e.SqliteErrorCode);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning handled-update ids failed (SQLite error {Code}); trying again later")]
    private partial void LogFailed(int code);
}
