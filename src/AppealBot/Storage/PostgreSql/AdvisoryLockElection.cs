using AppealBot.Hosting;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// Several instances on one PostgreSQL database: the one holding a session advisory lock, on a connection of its own,
/// polls; the others stand by and ask again (the poller's standby loop). When the poller dies its connection closes
/// and PostgreSQL releases the lock at once, so a standby takes over at its next try. The poller checks its
/// connection at most every <see cref="CheckEvery"/>, and stops polling once it is gone.
/// </summary>
internal sealed partial class AdvisoryLockElection(PostgreSqlDatabase database, TimeProvider time, ILogger<AdvisoryLockElection> logger) : IPollingElection
{
    /// <summary>The advisory lock's key: the same in every instance of this bot's database.</summary>
    private const string LockName = "appealbot getUpdates";

    internal TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(5);

    private TimeProvider Time { get; } = time;

    public async Task<IPollingLease?> TryTakeTurnAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtext(@name));", new { name = LockName }))
            {
                return new Lease(connection, this);
            }
        }
        catch (NpgsqlException e)
        {
            LogUnreachable(e.SqlState ?? e.GetType().Name);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        return null;
    }

    private sealed class Lease(NpgsqlConnection connection, AdvisoryLockElection election) : IPollingLease
    {
        private long _checkedAt = election.Time.GetTimestamp();
        private bool _lost;

        public async ValueTask<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            if (_lost || election.Time.GetElapsedTime(_checkedAt) < election.CheckEvery)
            {
                return !_lost;
            }

            try
            {
                // The lock lives as long as this session: a session that still answers still holds it.
                await connection.ExecuteScalarAsync<int>("SELECT 1;");
                _checkedAt = election.Time.GetTimestamp();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                _lost = true;
                election.LogLost();
            }

            return !_lost;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_lost)
                {
                    await connection.ExecuteScalarAsync<bool>("SELECT pg_advisory_unlock(hashtext(@name));", new { name = LockName });
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Closing the session releases the lock anyway.
            }

            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The polling lock could not be asked for (PostgreSQL: {Error}); trying again")]
    private partial void LogUnreachable(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection holding the polling lock is gone; this instance stops polling and stands by")]
    private partial void LogLost();
}
