using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppealBot.Hosting;

/// <summary>
/// Several instances on one PostgreSQL database: this one says it is alive every <see cref="Every"/>, takes its share
/// of the send budget, and adopts the replies of instances not seen for <see cref="PostgreSqlInstances.Lease"/> (killed, or stopped with
/// replies still owed), so every reply goes out once. Stops last, after the lanes have drained, and then leaves the
/// table: what it still owed is adopted at the others' next heartbeat. An instance that finds itself taken for dead
/// (frozen past the lease) sends nothing more and exits (code 1, so it is restarted): another instance owns its replies now.
/// </summary>
internal sealed partial class InstanceHeartbeat(
    PostgreSqlInstances instances,
    ReplyLanes lanes,
    SendBudget budget,
    InstanceId me,
    IHostApplicationLifetime lifetime,
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    private static readonly TimeSpan Every = PostgreSqlInstances.HeartbeatEvery;

    // Beats are real seconds, whatever the business clock says (leases are timed by the database server's clock).
    private static readonly TimeProvider RealTime = TimeProvider.System;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await instances.RegisterAsync(cancellationToken);
        LogJoined(me.Value);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, RealTime);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await BeatAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await instances.DeregisterAsync(cancellationToken);
        }
        catch (StorageException e)
        {
            // Then the others adopt what is left once the lease runs out.
            LogLeaveFailed(e.Reason);
        }
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            var alive = await instances.HeartbeatAsync(stoppingToken);
            if (alive == 0)
            {
                LogLeaseLost(me.Value);
                lanes.Abandon();
                Environment.ExitCode = ExitCodes.LeaseLost;
                lifetime.StopApplication();
                return;
            }

            budget.ShareWith(alive);
            var adopted = await instances.AdoptOrphanedAsync(stoppingToken);
            if (adopted.Count > 0)
            {
                var chats = adopted.Select(m => m.ChatId).Distinct().Count();
                LogAdopted(adopted.Count, chats);
                lanes.Resume(adopted);
            }
        }
        catch (StorageException e)
        {
            // Tried again at the next beat; past the lease the others adopt this instance's replies, and it exits when it is back.
            LogBeatFailed(e.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} joined the bots sharing the database")]
    private partial void LogJoined(string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted {Count} replies to {Chats} chats that a stopped or dead instance still owed; sending them")]
    private partial void LogAdopted(int count, int chats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The heartbeat could not be stored ({Reason}); trying again")]
    private partial void LogBeatFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not leave the instances table ({Reason}); the others adopt this instance's replies after the lease")]
    private partial void LogLeaveFailed(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Instance {Instance} was taken for dead by the others (no heartbeat within the lease) and its replies adopted; exiting so that none is sent twice")]
    private partial void LogLeaseLost(string instance);
}
