using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// Updates Telegram delivered to the webhook and the bot has not handled yet. Accepting one is durable
/// before Telegram hears 200; handling it goes through the same path as polling, and only then is it removed.
/// </summary>
internal sealed class UpdateInbox(Database database)
{
    /// <summary>
    /// Queues an update unless it is queued already or was handled before (a redelivery); true when queued.
    /// </summary>
    public async Task<bool> AddAsync(long updateId, long userKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var added = await connection.ExecuteAsync(
                """
                INSERT INTO inbox (update_id, user_key, payload, received_at)
                SELECT @updateId, @userKey, @payload, @receivedAt
                WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE update_id = @updateId)
                ON CONFLICT DO NOTHING;
                """,
                new { updateId, userKey, payload, receivedAt = receivedAt.ToUnixTimeMilliseconds() });
            return added > 0;
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>The oldest queued updates, leaving out those of <paramref name="exceptUsers"/> (they wait for a retry).</summary>
    public async Task<IReadOnlyList<QueuedUpdate>> OldestAsync(int limit, IReadOnlyCollection<long> exceptUsers, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var rows = await connection.QueryAsync<QueuedUpdate>(
                "SELECT update_id, user_key, payload FROM inbox WHERE user_key NOT IN @exceptUsers ORDER BY update_id LIMIT @limit;",
                new { exceptUsers, limit });
            return [.. rows];
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Removes the updates of <paramref name="batch"/> that are done — their id is among the handled ones, or they
    /// are <paramref name="ignorable"/> (not for the bot) — and returns their ids; the others stay queued.
    /// </summary>
    public async Task<IReadOnlySet<long>> RemoveDoneAsync(
        IReadOnlyCollection<long> batch, IReadOnlyCollection<long> ignorable, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var removed = await connection.QueryAsync<long>(
                """
                DELETE FROM inbox
                WHERE update_id IN @batch
                  AND (update_id IN @ignorable OR update_id IN (SELECT update_id FROM handled_updates))
                RETURNING update_id;
                """,
                new { batch, ignorable });
            return removed.ToHashSet();
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }
}

internal sealed record QueuedUpdate(long UpdateId, long UserKey, string Payload);
