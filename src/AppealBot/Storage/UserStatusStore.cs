using Dapper;

namespace AppealBot.Storage;

/// <summary>Records what Telegram tells us about a user outside of their updates.</summary>
internal interface IUserStatusStore
{
    /// <summary>Telegram answered 403 for this chat: the user blocked the bot or deleted the account.</summary>
    Task MarkBlockedAsync(long chatId, CancellationToken cancellationToken);
}

internal sealed class UserStatusStore(Database database, TimeProvider time) : IUserStatusStore
{
    internal const string MarkBlockedSql = "UPDATE users SET blocked_at = @at WHERE chat_id = @chatId AND blocked_at IS NULL;";

    public Task MarkBlockedAsync(long chatId, CancellationToken cancellationToken) =>
        database.WithConnectionAsync(connection => connection.ExecuteAsync(MarkBlockedSql, new { chatId, at = time.GetUtcNow().ToUnixTimeMilliseconds() }), cancellationToken);
}
