using AppealBot.Telegram;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// What the outbox owes at start, on PostgreSQL: not every row (other instances may be sending theirs) but those no
/// live instance owns, adopted by this one (<see cref="PostgreSqlInstances"/>). A predecessor that died moments ago is
/// still within its lease; its rows are adopted at a later heartbeat.
/// </summary>
internal sealed class PostgreSqlOwedReplies(PostgreSqlInstances instances) : IOwedReplies
{
    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(CancellationToken cancellationToken) =>
        instances.AdoptOrphanedAsync(cancellationToken);
}
