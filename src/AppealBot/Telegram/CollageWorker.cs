using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppealBot.Telegram;

/// <summary>
/// Makes queued collages one job at a time: memory then holds at most one collage canvas and one decoded photo,
/// whatever the number of users.
/// </summary>
internal sealed partial class CollageWorker(CollageQueue queue, CollageDelivery delivery, ILogger<CollageWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await delivery.RunAsync(job, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (DownloadFailedException e)
                {
                    LogDownloadFailed(job.Request.CaseId, e.Message);
                    await delivery.ReportFailureAsync(job, stoppingToken);
                }
#pragma warning disable CA1031 // One failed job must not stop collages for everyone; the user is told, the operator sees the log.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogJobFailed(job.Request.CaseId, e);
                    await delivery.ReportFailureAsync(job, stoppingToken);
                }
                finally
                {
                    queue.Finished(job);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collages for case {CaseId} were not made: {Reason}")]
    private partial void LogDownloadFailed(long caseId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collages for case {CaseId} failed")]
    private partial void LogJobFailed(long caseId, Exception exception);
}
