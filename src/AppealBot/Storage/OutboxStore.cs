using AppealBot.Conversation;
using AppealBot.Telegram;
using Dapper;

namespace AppealBot.Storage;

/// <summary>
/// The outbox outside of an update's transaction: what is still owed at start, and rows done with (sent, or refused
/// for good) removed in groups, one commit for all the chats that finished a message meanwhile.
/// </summary>
internal sealed class OutboxStore(Database database, UpdateWriter writer)
{
    /// <summary>Every message still owed, in sending order.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            "SELECT id, chat_id, update_id, kind, message_id, html, buttons, supersedes, file_name, content, created_at FROM outbox ORDER BY id;");
        return [.. rows.Select(row => row.ToMessage())];
    }

    /// <summary>Removes the rows, in one transaction through the update writer (SQLite has one writer anyway).</summary>
    public async Task RemoveAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var transaction = await writer.BeginAsync(cancellationToken);
        foreach (var id in ids)
        {
            transaction.RemoveFromOutbox(id);
        }

        await transaction.CommitAsync(cancellationToken);
    }

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
