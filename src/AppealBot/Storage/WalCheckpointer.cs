using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppealBot.Storage;

/// <summary>
/// Copies the write-ahead log into the database file from a connection of its own, at most once a second and only
/// after the update writer committed (<see cref="WalSignal"/>): an idle bot does not wake for it. The update
/// writer turns SQLite's automatic checkpoint off: otherwise the commit that crosses 1,000 log pages does the
/// copy and the fsync of the database file itself, and every update waiting for that commit waits with it.
/// PASSIVE never waits for, nor blocks, the writer. Under sustained load the writer may never find the log fully
/// copied, so the log keeps growing; past <see cref="RestartAbovePages"/> one RESTART checkpoint (a short wait for
/// the writer, as an automatic checkpoint would have been) brings it back to its start.
/// </summary>
internal sealed partial class WalCheckpointer(Database database, WalSignal written, ILogger<WalCheckpointer> logger) : BackgroundService
{
    // Real time, like the send budget: this is about the disk, not about the business clock.
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>64 MiB of 4 KiB pages.</summary>
    internal const int RestartAbovePages = 16_384;

    private TaskCompletionSource _nextRound = NewRound();

    /// <summary>Starts a checkpoint round soon and completes when one that starts after this call is over (for tests and diagnostics).</summary>
    public Task NextRoundAsync()
    {
        var round = Volatile.Read(ref _nextRound).Task;
        written.Wake();
        return round;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                await written.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, stoppingToken);
                var round = Interlocked.Exchange(ref _nextRound, NewRound());
                try
                {
                    connection ??= await database.OpenAsync(stoppingToken);
                    var log = await connection.QuerySingleAsync<CheckpointResult>("PRAGMA wal_checkpoint(PASSIVE);");
                    if (log.Log > RestartAbovePages)
                    {
                        await connection.ExecuteAsync("PRAGMA wal_checkpoint(RESTART);");
                    }
                    else if (log.Checkpointed < log.Log)
                    {
                        // A reader held pages back: the next round copies the rest, commits or not.
                        written.Wake();
                    }
                }
                catch (Exception e) when (e is SqliteException or StorageException)
                {
                    LogFailed(e is StorageException failure ? failure.Code : ((SqliteException)e).SqliteErrorCode);
                    written.Wake();
                    await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
                    connection = null;
                }

                round.TrySetResult();

                // Commits meanwhile are taken by the next round, a second later.
                await Task.Delay(Every, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await (connection?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What <c>PRAGMA wal_checkpoint</c> answers (its column names): busy flag, pages in the log, pages copied.</summary>
    internal sealed record CheckpointResult(long Busy, long Log, long Checkpointed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the write-ahead log failed (SQLite error {Code}); trying again in a second")]
    private partial void LogFailed(int code);
}
