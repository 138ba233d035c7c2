using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>Housekeeping of the handled-update ids that make handling exactly-once.</summary>
internal sealed class HandledUpdates(Database database, TimeProvider time)
{
    /// <summary>Forgets ids older than Telegram could ever redeliver.</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var cutoff = (time.GetUtcNow() - olderThan).ToUnixTimeMilliseconds();
            return await connection.ExecuteAsync("DELETE FROM handled_updates WHERE handled_at < @cutoff;", new { cutoff });
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Deletes what the privacy promise says is not kept: closed cases unchanged since <paramref name="cutoff"/>,
    /// and users (with everything of theirs) inactive since then. Returns (cases, users) deleted.
    /// </summary>
    public async Task<(int Cases, int Users)> PurgeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var before = cutoff.ToUnixTimeMilliseconds();
            var cases = await connection.ExecuteAsync("DELETE FROM cases WHERE outcome <> 'Open' AND updated_at < @before;", new { before });
            var users = await connection.ExecuteAsync("DELETE FROM users WHERE updated_at < @before;", new { before });
            return (cases, users);
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>Telegram's ids are positive; locally made updates count down from -1 so the two never meet.</summary>
    public async Task<int> NextLocalIdAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var lowest = await connection.ExecuteScalarAsync<long?>("SELECT MIN(update_id) FROM handled_updates;") ?? 0;
            return (int)Math.Min(lowest, 0) - 1;
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }
}
