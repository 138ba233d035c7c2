using Dapper;

namespace AppealBot.Storage;

internal sealed record QueuedUpdate(long UpdateId, long UserKey, string Payload);

/// <summary>
/// Updates Telegram delivered to the webhook and the bot has not handled yet. Accepting one is durable
/// before Telegram hears 200; handling it goes through the same path as polling, and only then is it removed.
/// </summary>
internal interface IUpdateInbox
{
    /// <summary>
    /// Queues an update unless it is queued already or was handled before (a redelivery); true when queued.
    /// </summary>
    Task<bool> AddAsync(long updateId, long userKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest queued updates, leaving out those of <paramref name="exceptUsers"/> (they wait for a retry); they are
    /// this bot's until the batch is disposed, so bots sharing a database never take the same update, nor one user's
    /// updates out of order.
    /// </summary>
    Task<IInboxBatch> TakeOldestAsync(int limit, IReadOnlyCollection<long> exceptUsers, CancellationToken cancellationToken);

    /// <summary>
    /// How often to look for updates nobody woke this bot for: other instances sharing the database leave a user's
    /// updates to the instance still sending that user's replies, which wakes for them only by looking.
    /// </summary>
    TimeSpan SweepEvery { get; }
}

/// <summary>Queued updates taken for handling.</summary>
internal interface IInboxBatch : IAsyncDisposable
{
    /// <summary>In <c>update_id</c> order.</summary>
    IReadOnlyList<QueuedUpdate> Updates { get; }

    /// <summary>
    /// Removes the updates of the batch that are done — their id is among the handled ones, or they are
    /// <paramref name="ignorable"/> (not for the bot) — and returns their ids; the others stay queued.
    /// </summary>
    Task<IReadOnlySet<long>> RemoveDoneAsync(IReadOnlyCollection<long> ignorable, CancellationToken cancellationToken);
}

/// <summary>SQLite: one bot per file (the single-instance lock), so taking needs no lock of its own.</summary>
internal sealed class UpdateInbox(Database database) : IUpdateInbox
{
    /// <summary>Only the webhook adds updates, and it wakes the processor; the sweep is a safety net.</summary>
    public TimeSpan SweepEvery => TimeSpan.FromSeconds(30);

    // PostgreSQL adds its row locks, and takes lists as arrays (PostgreSql/PostgreSqlUpdateInbox).
    internal const string AddSql =
        """
        INSERT INTO inbox (update_id, user_key, payload, received_at)
        SELECT @updateId, @userKey, @payload, @receivedAt
        WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE update_id = @updateId)
        ON CONFLICT DO NOTHING;
        """;
    internal const string QueuedColumns = "update_id, user_key, payload";
    internal const string RemoveDoneSql =
        """
        DELETE FROM inbox
        WHERE update_id IN @batch
          AND (update_id IN @ignorable OR update_id IN (SELECT update_id FROM handled_updates))
        RETURNING update_id;
        """;

    public Task<bool> AddAsync(long updateId, long userKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(async connection =>
        {
            var added = await connection.ExecuteAsync(AddSql, new { updateId, userKey, payload, receivedAt = receivedAt.ToUnixTimeMilliseconds() });
            return added > 0;
        }, cancellationToken);

    public Task<IInboxBatch> TakeOldestAsync(int limit, IReadOnlyCollection<long> exceptUsers, CancellationToken cancellationToken) =>
        database.WithConnectionAsync<IInboxBatch>(async connection =>
        {
            var rows = await connection.QueryAsync<QueuedUpdate>($"SELECT {QueuedColumns} FROM inbox WHERE user_key NOT IN @exceptUsers ORDER BY update_id LIMIT @limit;", new { exceptUsers, limit });
            return new Batch(database, [.. rows]);
        }, cancellationToken);

    private sealed class Batch(Database database, IReadOnlyList<QueuedUpdate> updates) : IInboxBatch
    {
        public IReadOnlyList<QueuedUpdate> Updates => updates;

        public Task<IReadOnlySet<long>> RemoveDoneAsync(IReadOnlyCollection<long> ignorable, CancellationToken cancellationToken) =>
            database.WithConnectionAsync<IReadOnlySet<long>>(async connection =>
                (await connection.QueryAsync<long>(RemoveDoneSql, new { batch = updates.Select(u => u.UpdateId).ToList(), ignorable })).ToHashSet(), cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
