namespace AppealBot.Conversation;

/// <summary>What a user did, stripped of transport details.</summary>
internal abstract record UserInput;

/// <summary>A command such as <c>/start payload</c>; <see cref="Name"/> is lower case without the slash or @bot suffix.</summary>
internal sealed record CommandInput(string Name, string Argument) : UserInput;

internal sealed record TextInput(string Text) : UserInput;

/// <summary>An inline button press: the button's data and the message it belonged to.</summary>
internal sealed record ButtonInput(string Data, int MessageId) : UserInput;

/// <summary>Anything else a user can send (sticker, voice, location, …) that the bot does not read.</summary>
internal sealed record UnsupportedInput(string Kind) : UserInput;

/// <summary>A message in a group the bot was added to; the bot works in private chats only.</summary>
internal sealed record GroupMessageInput : UserInput;

/// <summary>The user edited a message they had sent; the bot reads only new messages.</summary>
internal sealed record EditedInput : UserInput;

/// <summary>The user blocked (or unblocked) the bot in Telegram.</summary>
internal sealed record BotBlockedInput(bool Blocked) : UserInput;

/// <summary>
/// A picture: a Telegram photo (its largest size) or an image sent as a file. Only Telegram's ids for it are kept;
/// <see cref="AlbumId"/> is shared by the photos the user sent together as one album.
/// </summary>
internal sealed record PhotoInput(
    string FileId,
    string FileUniqueId,
    int? Width,
    int? Height,
    long? FileSize,
    string? MimeType,
    string? FileName,
    bool AsDocument,
    string? AlbumId = null) : UserInput;
