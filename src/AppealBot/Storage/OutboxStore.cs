using AppealBot.Conversation;
using AppealBot.Telegram;
using Dapper;

namespace AppealBot.Storage;

/// <summary>What the outbox still owes when the bot starts: read once, before any update is taken.</summary>
internal interface IOwedReplies
{
    /// <summary>Every message still owed, in sending order.</summary>
    Task<IReadOnlyList<OutboxMessage>> PendingAsync(CancellationToken cancellationToken);
}

/// <summary>SQLite's <see cref="IOwedReplies"/>.</summary>
internal sealed class SqliteOwedReplies(Database database) : IOwedReplies
{
    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(CancellationToken cancellationToken) =>
        database.WithConnectionAsync<IReadOnlyList<OutboxMessage>>(async connection =>
        {
            var rows = await connection.QueryAsync<OutboxStore.Row>(OutboxStore.PendingSql);
            return [.. rows.Select(row => row.ToMessage())];
        }, cancellationToken);
}

/// <summary>
/// The outbox outside of an update's transaction, on either engine: rows done with (sent, or refused for good) removed
/// in groups, with the next batch of updates or in one commit for all the chats that finished a message meanwhile.
/// </summary>
internal sealed class OutboxStore(IUpdateWriter writer)
{
    /// <summary>Both engines read the outbox with this statement (<see cref="IOwedReplies"/>).</summary>
    internal const string PendingSql = $"SELECT {Columns} FROM outbox ORDER BY id;";

    /// <summary>The columns of a <see cref="Row"/>.</summary>
    internal const string Columns = "id, chat_id, update_id, kind, message_id, html, buttons, supersedes, file_name, content, created_at";

    /// <summary>Removes the rows now (with whatever else is queued for removal), in one transaction.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await writer.FlushRemovalsAsync(writer.QueueRemovals(ids), cancellationToken);
    }

    /// <summary>
    /// Queues the rows' removal for the next write transaction (the next batch of updates commits anyway);
    /// completes once it is committed. <see cref="FlushRemovalsAsync"/> commits it sooner.
    /// </summary>
    public Task QueueRemoval(IReadOnlyCollection<long> ids) => writer.QueueRemovals(ids);

    /// <summary>Commits every queued removal now; returns once <paramref name="removed"/> is committed.</summary>
    public Task FlushRemovalsAsync(Task removed, CancellationToken cancellationToken) => writer.FlushRemovalsAsync(removed, cancellationToken);

    /// <summary>One row of <see cref="PendingSql"/>.</summary>
    internal sealed record Row(long Id, long ChatId, long UpdateId, long Kind, long? MessageId, string Html, string? Buttons, string? Supersedes, string? FileName, byte[]? Content, long CreatedAt)
    {
        public OutboxMessage ToMessage()
        {
            var kind = (OutboxKind)Kind;
            var reply = new Reply(Html, ButtonsJson.Read(Buttons), ReplacesPressedMessage: kind == OutboxKind.EditPressed, Supersedes);
            var document = kind == OutboxKind.Document ? new Attachment(FileName ?? "file", Content ?? [], Html) : null;
            return new OutboxMessage(Id, ChatId, UpdateId, kind, reply, MessageId is { } m ? (int)m : null, document,
                DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
        }
    }
}
