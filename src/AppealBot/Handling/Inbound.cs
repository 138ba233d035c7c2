using AppealBot.Conversation;

namespace AppealBot.Handling;

/// <summary>
/// One input from a user, whatever carried it (Telegram's polling or webhook, the terminal): who, in which chat,
/// and what they did. <see cref="UpdateId"/> is the idempotency key: an input whose id was stored is never handled
/// again. A button press also names its callback query (to answer it) and the message it was on (to edit it);
/// the latter is null when the message is too old for Telegram to show.
/// </summary>
internal sealed record Inbound(
    long UpdateId,
    long UserId,
    long ChatId,
    string? LanguageCode,
    UserInput Input,
    string? CallbackQueryId = null,
    int? PressedMessageId = null)
{
    /// <summary>
    /// A line the user typed: a command ("/name@BotName argument", the bot's name, if any, in
    /// <paramref name="addressee"/>) or plain text. A slash followed by anything but a command name is plain text.
    /// </summary>
    public static UserInput ReadTyped(string text, out string? addressee) =>
        TryReadCommand(text, out addressee) is { } command ? command : new TextInput(text);

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
