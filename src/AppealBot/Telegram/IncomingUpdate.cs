using AppealBot.Conversation;
using AppealBot.Evidence;
using AppealBot.Handling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>Maps a Telegram update to the project's own <see cref="Inbound"/>: who, where, and what they did.</summary>
internal static class IncomingUpdate
{
    /// <summary>
    /// Null for updates that are not a user talking to the bot in a private chat, and for a command addressed to
    /// another bot ("/new@otherbot"). <paramref name="botUsername"/> is this bot's (null when unknown: any name is ours).
    /// </summary>
    public static Inbound? From(Update update, string? botUsername) => update switch
    {
        { Message: { From: { } from, Chat.Type: ChatType.Private } message } when ReadMessage(message, botUsername) is { } input =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, input),
        { CallbackQuery: { From: { } from, Message: { Chat.Type: ChatType.Private } message } query } =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, new ButtonInput(query.Data ?? string.Empty, message.Id), query.Id, message.Id),

        // A button on a message Telegram no longer shows us (too old) is still answered; the reply comes as a new message.
        { CallbackQuery: { From: { } from } query } =>
            new(update.Id, from.Id, from.Id, from.LanguageCode, new ButtonInput(query.Data ?? string.Empty, 0), query.Id),
        { Message: { From: { } from, Chat.Type: ChatType.Group or ChatType.Supergroup } message } =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, new GroupMessageInput()),
        { EditedMessage: { From: { } from, Chat.Type: ChatType.Private } edited } =>
            new(update.Id, from.Id, edited.Chat.Id, from.LanguageCode, new EditedInput()),
        { MyChatMember: { From: { } from, Chat.Type: ChatType.Private } member } =>
            new(update.Id, from.Id, member.Chat.Id, from.LanguageCode, new BotBlockedInput(member.NewChatMember.Status == ChatMemberStatus.Kicked)),
        _ => null,
    };

    private static UserInput? ReadMessage(Message message, string? botUsername)
    {
        if (message.Text is { } text)
        {
            var typed = Inbound.ReadTyped(text, out var addressee);
            return typed is CommandInput && addressee is not null && botUsername is not null
                && !addressee.Equals(botUsername, StringComparison.OrdinalIgnoreCase) ? null : typed;
        }

        // Telegram sends a photo in several sizes; the largest is the one to put into a collage.
        if (message.Photo is { Length: > 0 } sizes && sizes.MaxBy(size => (long)size.Width * size.Height) is { } largest)
        {
            return new PhotoInput(largest.FileId, largest.FileUniqueId, largest.Width, largest.Height, largest.FileSize,
                "image/jpeg", FileName: null, AsDocument: false, message.MediaGroupId);
        }

        // A picture sent as a file arrives untouched; whether its format can be read is the conversation's call.
        if (message.Document is { } document && PhotoFormats.Identify(document.MimeType, document.FileName) != PhotoFormat.NotImage)
        {
            return new PhotoInput(document.FileId, document.FileUniqueId, Width: null, Height: null, document.FileSize,
                document.MimeType, document.FileName, AsDocument: true, message.MediaGroupId);
        }

        return new UnsupportedInput(message.Type.ToString());
    }
}
