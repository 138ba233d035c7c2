using AppealBot.Telegram;
using Dapper;

namespace AppealBot.Storage.PostgreSql;

/// <summary>SQLite's outbox read (<see cref="OutboxStore.PendingSql"/>) on PostgreSQL.</summary>
internal sealed class PostgreSqlOwedReplies(PostgreSqlDatabase database) : IOwedReplies
{
    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync<IReadOnlyList<OutboxMessage>>(async connection =>
            [.. (await connection.QueryAsync<OutboxStore.Row>(OutboxStore.PendingSql)).Select(row => row.ToMessage())], cancellationToken);
}
