using AppealBot.Conversation;
using AppealBot.Evidence;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>The parts of a Telegram update the bot acts on: who, where, and what they did.</summary>
internal sealed record IncomingUpdate(
    long UpdateId,
    long UserId,
    long ChatId,
    string? LanguageCode,
    UserInput Input,
    string? CallbackQueryId,
    int? PressedMessageId)
{
    /// <summary>
    /// Null for updates that are not a user talking to the bot in a private chat, and for a command addressed to
    /// another bot ("/new@otherbot"). <paramref name="botUsername"/> is this bot's (null when unknown: any name is ours).
    /// </summary>
    public static IncomingUpdate? From(Update update, string? botUsername) => update switch
    {
        { Message: { From: { } from, Chat.Type: ChatType.Private } message } when ReadMessage(message, botUsername) is { } input =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, input, null, null),
        { CallbackQuery: { From: { } from, Message: { Chat.Type: ChatType.Private } message } query } =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, new ButtonInput(query.Data ?? string.Empty, message.Id), query.Id, message.Id),

        // A button on a message Telegram no longer shows us (too old) is still answered; the reply comes as a new message.
        { CallbackQuery: { From: { } from } query } =>
            new(update.Id, from.Id, from.Id, from.LanguageCode, new ButtonInput(query.Data ?? string.Empty, 0), query.Id, null),
        { Message: { From: { } from, Chat.Type: ChatType.Group or ChatType.Supergroup } message } =>
            new(update.Id, from.Id, message.Chat.Id, from.LanguageCode, new GroupMessageInput(), null, null),
        { EditedMessage: { From: { } from, Chat.Type: ChatType.Private } edited } =>
            new(update.Id, from.Id, edited.Chat.Id, from.LanguageCode, new EditedInput(), null, null),
        { MyChatMember: { From: { } from, Chat.Type: ChatType.Private } member } =>
            new(update.Id, from.Id, member.Chat.Id, from.LanguageCode, new BotBlockedInput(member.NewChatMember.Status == ChatMemberStatus.Kicked), null, null),
        _ => null,
    };

    private static UserInput? ReadMessage(Message message, string? botUsername)
    {
        if (message.Text is { } text)
        {
            return TryReadCommand(text, out var addressee) is { } command
                ? addressee is null || botUsername is null || addressee.Equals(botUsername, StringComparison.OrdinalIgnoreCase) ? command : null
                : new TextInput(text);
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

    /// <summary>Reads "/name@BotName argument" (the bot's name, if any, in <paramref name="addressee"/>); a slash followed by anything else is plain text.</summary>
    private static CommandInput? TryReadCommand(string text, out string? addressee)
    {
        addressee = null;
        if (text.Length < 2 || text[0] != '/')
        {
            return null;
        }

        var end = text.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? text[1..] : text[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? head : head[..at];
        if (name.Length == 0 || name.Length > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        addressee = at < 0 ? null : head[(at + 1)..];
        var argument = end < 0 ? string.Empty : text[(end + 1)..].Trim();
        return new CommandInput(name.ToLowerInvariant(), argument);
    }
}
