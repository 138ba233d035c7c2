using Dapper;
using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL: bots sharing the database take queued updates under row locks (<c>FOR UPDATE SKIP LOCKED</c>) held by
/// the batch's transaction until its done ones are deleted in it, so no two bots handle the same update. A user whose
/// earlier update another bot holds is left for later, whole: one user's updates are still handled in order. A bot
/// that dies mid-batch loses its connection, and with it the locks: the updates are taken again. So is a user whose
/// chat is still owed replies that another instance owns (<see cref="PostgreSqlInstances"/>): the next reply then goes
/// out after those, not beside them.
/// </summary>
internal sealed class PostgreSqlUpdateInbox(PostgreSqlDatabase database, InstanceId instance) : IUpdateInbox
{
    /// <summary>An update another instance received may be this one's to handle; one cheap query a second finds it.</summary>
    public TimeSpan SweepEvery => TimeSpan.FromSeconds(1);

    public Task<bool> AddAsync(long updateId, long userKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            async connection => await connection.ExecuteAsync(UpdateInbox.AddSql, new { updateId, userKey, payload, receivedAt = receivedAt.ToUnixTimeMilliseconds() }) > 0,
            cancellationToken);

    public async Task<IInboxBatch> TakeOldestAsync(int limit, IReadOnlyCollection<long> exceptUsers, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = await connection.QueryAsync<QueuedUpdate>(
                $"""
                WITH taken AS (
                    SELECT {UpdateInbox.QueuedColumns} FROM inbox
                    WHERE user_key <> ALL(@exceptUsers)
                      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.chat_id = inbox.user_key AND o.owner IS DISTINCT FROM @me)
                    ORDER BY update_id LIMIT @limit FOR UPDATE SKIP LOCKED)
                SELECT {UpdateInbox.QueuedColumns} FROM taken t
                WHERE NOT EXISTS (
                    SELECT 1 FROM inbox e
                    WHERE e.user_key = t.user_key AND e.update_id < t.update_id AND e.update_id NOT IN (SELECT update_id FROM taken))
                ORDER BY update_id;
                """,
                new { exceptUsers = exceptUsers.ToArray(), limit, me = instance.Value },
                transaction);
            return new Batch(connection, transaction, [.. rows]);
        }
        catch (NpgsqlException e)
        {
            await CloseAsync(connection, transaction);
            throw PostgreSqlErrors.From(e);
        }
        catch
        {
            await CloseAsync(connection, transaction);
            throw;
        }
    }

    private static async Task CloseAsync(NpgsqlConnection? connection, NpgsqlTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Batch(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<QueuedUpdate> updates) : IInboxBatch
    {
        public IReadOnlyList<QueuedUpdate> Updates => updates;

        public async Task<IReadOnlySet<long>> RemoveDoneAsync(IReadOnlyCollection<long> ignorable, CancellationToken cancellationToken)
        {
            try
            {
                var removed = await connection.QueryAsync<long>(
                    """
                    DELETE FROM inbox
                    WHERE update_id = ANY(@batch)
                      AND (update_id = ANY(@ignorable) OR update_id IN (SELECT update_id FROM handled_updates))
                    RETURNING update_id;
                    """,
                    new { batch = updates.Select(u => u.UpdateId).ToArray(), ignorable = ignorable.ToArray() },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                return removed.ToHashSet();
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.From(e);
            }
        }

        /// <summary>Not committed (nothing removed, or the removal failed): rolled back, and the updates are free again.</summary>
        public async ValueTask DisposeAsync() => await CloseAsync(connection, transaction);
    }
}
