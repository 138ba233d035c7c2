using Dapper;

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

    /// <summary>The oldest queued updates, leaving out those of <paramref name="exceptUsers"/> (they wait for a retry).</summary>
    public async Task<IReadOnlyList<QueuedUpdate>> OldestAsync(int limit, IReadOnlyCollection<long> exceptUsers, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueuedUpdate>(
            "SELECT update_id, user_key, payload FROM inbox WHERE user_key NOT IN @exceptUsers ORDER BY update_id LIMIT @limit;",
            new { exceptUsers, limit });
        return [.. rows];
    }

    public async Task RemoveAsync(IReadOnlyCollection<long> updateIds, CancellationToken cancellationToken)
    {
        if (updateIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM inbox WHERE update_id IN @updateIds;", new { updateIds });
    }
}

internal sealed record QueuedUpdate(long UpdateId, long UserKey, string Payload);
