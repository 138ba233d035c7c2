using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// A Telegram user in a private chat with the bot. Each action queues an update, waits until the bot has answered it
/// (confirmed it through getUpdates and sent its replies) and returns what the bot did in this chat meanwhile.
/// </summary>
public sealed class FakeUser
{
    private readonly FakeTelegramServer _server;

    internal FakeUser(FakeTelegramServer server, User user, Chat chat)
    {
        _server = server;
        User = user;
        Chat = chat;
    }

    public long Id => User.Id;

    public long ChatId => Chat.Id;

    public User User { get; }

    public Chat Chat { get; }

    /// <summary>The bot's current messages in this chat, oldest first.</summary>
    public IReadOnlyList<BotMessage> Messages => _server.MessagesIn(ChatId);

    /// <summary>The bot's most recently sent or edited message that still exists.</summary>
    public BotMessage LastMessage
    {
        get
        {
            var current = Messages.ToDictionary(message => message.Id);
            return _server.HistoryOf(ChatId).Reverse()
                       .Select(operation => current.GetValueOrDefault(operation.Message.Id))
                       .FirstOrDefault(message => message is not null)
                   ?? throw new InvalidOperationException($"The bot has no message in chat {ChatId}.");
        }
    }

    public Task<Reply> SendAsync(string text, TimeSpan? timeout = null)
    {
        var message = NewMessage(text);
        return DeliverAsync(id => new Update { Id = id, Message = message }, callbackQueryId: null, timeout);
    }

    /// <summary>
    /// The update of this user sending <paramref name="text"/>, with a fresh update id, for
    /// <see cref="FakeTelegramServer.DeliverByWebhookAsync"/>; it is not queued for getUpdates.
    /// </summary>
    /// <summary>Queues this user's message for getUpdates without waiting for the bot; returns its update id.</summary>
    public long EnqueueMessage(string text)
    {
        var message = NewMessage(text);
        return _server.EnqueueUpdate(id => new Update { Id = id, Message = message });
    }

    public Update BuildMessage(string text) => new() { Id = _server.TakeUpdateId(), Message = NewMessage(text) };

    /// <summary>The update of this user pressing the button with exactly this text, for webhook delivery.</summary>
    public Update BuildPress(string buttonText)
    {
        var (message, callbackData) = FindButton(buttonText);
        return new Update { Id = _server.TakeUpdateId(), CallbackQuery = NewPress(message.Id, callbackData) };
    }

    /// <summary>
    /// Queues a press of any callback data without waiting for the bot, as a user tapping again and again does;
    /// returns the update id and the callback query id (see <see cref="FakeTelegramServer.AnswerTo"/>).
    /// </summary>
    public (long UpdateId, string QueryId) EnqueuePress(int messageId, string callbackData)
    {
        var query = NewPress(messageId, callbackData);
        return (_server.EnqueueUpdate(id => new Update { Id = id, CallbackQuery = query }), query.Id);
    }

    /// <summary>The documents the bot sent in this chat, oldest first.</summary>
    public IReadOnlyList<BotMessage> Documents => [.. Messages.Where(message => message.File is { Kind: "document" })];

    /// <summary>
    /// Sends a photo the test registered with <see cref="FakeTelegramServer.AddFile"/>. Like Telegram, the message carries
    /// the photo in three sizes; only the largest is the registered file (the smaller ones cannot be downloaded).
    /// </summary>
    public Task<Reply> SendPhotoAsync(string fileId, int width, int height, string? albumId = null, TimeSpan? timeout = null)
    {
        var file = _server.FindFile(fileId) ?? throw new InvalidOperationException($"No file {fileId}: register it with AddFile first.");
        PhotoSize Size(string suffix, int divisor) => new()
        {
            FileId = file.FileId + suffix,
            FileUniqueId = file.FileUniqueId + suffix,
            Width = Math.Max(1, width / divisor),
            Height = Math.Max(1, height / divisor),
            FileSize = Math.Max(1, file.Size / (divisor * divisor)),
        };
        var message = NewMessage();
        message.Photo = [Size("-s", 8), Size("-m", 3), Size(string.Empty, 1)];
        message.MediaGroupId = albumId;
        return DeliverAsync(id => new Update { Id = id, Message = message }, callbackQueryId: null, timeout);
    }

    /// <summary>Sends a registered file as a document; <paramref name="fileSize"/> overrides the size the message reports.</summary>
    public Task<Reply> SendDocumentAsync(string fileId, string fileName, string? mimeType, string? albumId = null, long? fileSize = null, TimeSpan? timeout = null)
    {
        var file = _server.FindFile(fileId) ?? throw new InvalidOperationException($"No file {fileId}: register it with AddFile first.");
        var message = NewMessage();
        message.Document = new Document { FileId = file.FileId, FileUniqueId = file.FileUniqueId, FileName = fileName, MimeType = mimeType, FileSize = fileSize ?? file.Size };
        message.MediaGroupId = albumId;
        return DeliverAsync(id => new Update { Id = id, Message = message }, callbackQueryId: null, timeout);
    }

    /// <summary>Sends a video (the bot cannot put one into a collage).</summary>
    public Task<Reply> SendVideoAsync(TimeSpan? timeout = null)
    {
        var message = NewMessage();
        message.Video = new Video { FileId = "video", FileUniqueId = "video-u", Width = 1920, Height = 1080, Duration = 40, FileSize = 80_000_000 };
        return DeliverAsync(id => new Update { Id = id, Message = message }, callbackQueryId: null, timeout);
    }

    /// <summary>Sends a sticker: something the bot does not read.</summary>
    public Task<Reply> SendStickerAsync(TimeSpan? timeout = null)
    {
        var message = NewMessage();
        message.Sticker = new Sticker { FileId = "sticker", FileUniqueId = "sticker-u", Width = 512, Height = 512, Type = StickerType.Regular };
        return DeliverAsync(id => new Update { Id = id, Message = message }, callbackQueryId: null, timeout);
    }

    /// <summary>Presses the button with exactly this text on the most recent message that shows it.</summary>
    public async Task<Reply> PressAsync(string buttonText, TimeSpan? timeout = null)
    {
        var (message, callbackData) = FindButton(buttonText);
        return await PressDataAsync(message.Id, callbackData, timeout);
    }

    /// <summary>Sends any callback data, as a forged or outdated button would; the bot must still answer it.</summary>
    public async Task<Reply> PressDataAsync(int messageId, string callbackData, TimeSpan? timeout = null)
    {
        var query = NewPress(messageId, callbackData);
        var queryId = query.Id;
        var reply = await DeliverAsync(id => new Update { Id = id, CallbackQuery = query }, queryId, timeout);
        return reply.CallbackAnswer is not null
            ? reply
            : throw new InvalidOperationException(
                $"The bot did not answer callback query {queryId} (data \"{callbackData}\" on message {messageId}); " +
                "an unanswered press leaves the user's button spinning.");
    }

    /// <summary>
    /// Waits until the bot has a message here that matches, such as one it sends on its own after background work
    /// (the collages, then their summary), and returns the newest such message.
    /// </summary>
    public async Task<BotMessage> WaitForMessageAsync(Func<BotMessage, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var expiry = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var changed = _server.Chats.NextChange();
            if (Messages.LastOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching message in chat {ChatId}. Messages now:\n" +
                                           string.Join('\n', Messages.Select(m => $"  {m.Id}: {m.Text}")));
            }
        }
    }

    public void BlockBot() => _server.BlockBot(ChatId);

    public void UnblockBot() => _server.UnblockBot(ChatId);

    public override string ToString() => $"user {Id} ({User.FirstName}, {User.LanguageCode ?? "no language"})";

    private Message NewMessage() => new()
    {
        Id = _server.Chats.TakeMessageId(ChatId),
        From = User,
        Chat = Chat,
        Date = _server.Clock.GetUtcNow().UtcDateTime,
    };


    private Message NewMessage(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new Message
        {
            Id = _server.Chats.TakeMessageId(ChatId),
            From = User,
            Chat = Chat,
            Date = _server.Clock.GetUtcNow().UtcDateTime,
            Text = text,
            Entities = CommandEntity(text),
        };
    }

    private CallbackQuery NewPress(int messageId, string callbackData) => new()
    {
        Id = _server.Chats.OpenCallbackQuery(),
        From = User,
        Message = _server.Chats.AsCallbackMessage(ChatId, messageId),
        ChatInstance = ChatId.ToString(CultureInfo.InvariantCulture),
        Data = callbackData,
    };

    private (BotMessage Message, string CallbackData) FindButton(string buttonText)
    {
        var (message, button) = _server.Chats.FindButton(ChatId, buttonText)
                                ?? throw new InvalidOperationException(
                                    $"No message in chat {ChatId} has a button \"{buttonText}\". Buttons now:\n{DescribeButtons()}");
        var callbackData = button.CallbackData
                           ?? throw new InvalidOperationException($"Button \"{buttonText}\" opens {button.Url} and sends no callback query.");
        return (message, callbackData);
    }

    private async Task<Reply> DeliverAsync(Func<int, Update> build, string? callbackQueryId, TimeSpan? timeout)
    {
        var historyMark = _server.Chats.HistoryLength(ChatId);
        var updateId = _server.EnqueueUpdate(build);
        await _server.WaitUntilAnsweredAsync(updateId, timeout);
        var answer = callbackQueryId is null ? null : _server.Chats.AnswerTo(callbackQueryId);
        return new Reply(_server.Chats.History(ChatId, since: historyMark), answer);
    }

    private static MessageEntity[]? CommandEntity(string text)
    {
        if (!text.StartsWith('/'))
        {
            return null;
        }

        var end = text.IndexOfAny([' ', '\n', '\t']);
        return [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end }];
    }

    private string DescribeButtons()
    {
        var lines = Messages
            .Where(message => message.Buttons.Count > 0)
            .Select(message => $"  message {message.Id}: [{string.Join("] [", message.ButtonTexts)}]")
            .ToList();
        return lines.Count == 0 ? "  (none)" : string.Join('\n', lines);
    }
}
