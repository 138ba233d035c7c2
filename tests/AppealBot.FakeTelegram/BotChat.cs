using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>One chat as the server keeps it: the bot's current messages and everything the bot did there.</summary>
internal sealed class BotChat(Chat chat)
{
    private int _lastMessageId;

    public Chat Chat { get; } = chat;

    public Dictionary<int, StoredMessage> Messages { get; } = [];

    public List<MessageOperation> History { get; } = [];

    /// <summary>Message ids count up per chat and are shared by the user's and the bot's messages.</summary>
    public int TakeMessageId() => ++_lastMessageId;

    public void Record(MessageOperationKind kind, StoredMessage message, DateTimeOffset at) =>
        History.Add(new MessageOperation(kind, message.Snapshot(Chat.Id), at));
}
