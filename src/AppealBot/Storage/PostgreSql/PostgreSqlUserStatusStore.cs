using Dapper;

namespace AppealBot.Storage.PostgreSql;

internal sealed class PostgreSqlUserStatusStore(PostgreSqlDatabase database, TimeProvider time) : IUserStatusStore
{
    public Task MarkBlockedAsync(long chatId, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(
            connection => connection.ExecuteAsync(UserStatusStore.MarkBlockedSql, new { chatId, at = time.GetUtcNow().ToUnixTimeMilliseconds() }),
            cancellationToken);
}
