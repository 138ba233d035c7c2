using AppealBot.Conversation;
using AppealBot.Storage;
using AppealBot.Telegram;

namespace AppealBot.Handling;

/// <summary>
/// What a stored update owes its chat once the transaction commits: the messages now in the outbox, the answer to
/// the pressed button (never stored: Telegram forgets the query within seconds anyway), and collage work asked for
/// by a turn that sent no message.
/// </summary>
internal sealed record OwedTurn(
    long UpdateId,
    long ChatId,
    IReadOnlyList<OutboxMessage> Messages,
    string? CallbackQueryId,
    string? ButtonNotice,
    CollageRequest? Collages)
{
    /// <summary>Writes the turn's messages to the outbox inside <paramref name="transaction"/>.</summary>
    public static async Task<OwedTurn> WriteAsync(UpdateTransaction transaction, PendingReply pending, DateTimeOffset now)
    {
        var (update, turn) = (pending.Input, pending.Turn);
        var messages = new List<OutboxMessage>(turn.Replies.Count + 1);
        foreach (var reply in turn.Replies)
        {
            var (kind, messageId) = reply.ReplacesPressedMessage && update.PressedMessageId is { } pressed
                ? (OutboxKind.EditPressed, (int?)pressed)
                : (OutboxKind.Message, null);
            var id = await transaction.AddToOutboxAsync(update.ChatId, update.UpdateId, kind, messageId, reply.Html, ButtonsJson.Write(reply.Buttons),
                reply.Supersedes, document: null, now);
            messages.Add(new OutboxMessage(id, update.ChatId, update.UpdateId, kind, reply, messageId, Document: null, now));
        }

        if (turn.Attachment is { } attachment)
        {
            var id = await transaction.AddToOutboxAsync(update.ChatId, update.UpdateId, OutboxKind.Document, messageId: null, attachment.CaptionHtml,
                buttonsJson: null, supersedes: null, attachment, now);
            var caption = new Reply(attachment.CaptionHtml, Buttons: null, ReplacesPressedMessage: false);
            messages.Add(new OutboxMessage(id, update.ChatId, update.UpdateId, OutboxKind.Document, caption, MessageId: null, attachment, now));
        }

        var collages = turn.Collages;
        if (collages is not null && messages.Count > 0)
        {
            // Made once the turn's messages are out, so the user reads "making collages…" before the files come.
            messages[^1] = messages[^1] with { Collages = collages };
            collages = null;
        }

        return new OwedTurn(update.UpdateId, update.ChatId, messages, update.CallbackQueryId, turn.ButtonNotice, collages);
    }
}
