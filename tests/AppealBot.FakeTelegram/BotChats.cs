using System.Globalization;
using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>All chats the bot can write to, the messages it has there, and the callback queries users opened.</summary>
internal sealed class BotChats(User bot, TimeProvider clock)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next send, edit or delete in any chat (take it before looking, then await it).</summary>
    public Task NextChange()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
    }

    /// <summary>Called under the lock after every operation.</summary>
    private void Changed()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
    private readonly Dictionary<long, BotChat> _chats = [];
    private readonly HashSet<long> _blockedBy = [];
    private readonly Dictionary<string, CallbackAnswer?> _callbackQueries = [];
    private int _lastCallbackQueryId;

    public void Register(Chat chat)
    {
        lock (_gate)
        {
            _chats.TryAdd(chat.Id, new BotChat(chat));
        }
    }

    public void SetBlocked(long chatId, bool blocked)
    {
        lock (_gate)
        {
            if (blocked)
            {
                _blockedBy.Add(chatId);
            }
            else
            {
                _blockedBy.Remove(chatId);
            }
        }
    }

    public int TakeMessageId(long chatId)
    {
        lock (_gate)
        {
            return Find(chatId).TakeMessageId();
        }
    }

    public void EnsureWritable(long chatId)
    {
        lock (_gate)
        {
            _ = Writable(chatId);
        }
    }

    public Message Send(long chatId, MessageText text, InlineKeyboard keyboard, SentFile? file = null)
    {
        lock (_gate)
        {
            var chat = Writable(chatId);
            var now = clock.GetUtcNow();
            var message = new StoredMessage(chat.TakeMessageId(), now.UtcDateTime, text, keyboard, file);
            chat.Messages.Add(message.Id, message);
            chat.Record(MessageOperationKind.Sent, message, now);
            Changed();
            return message.ToTelegram(chat.Chat, bot);
        }
    }

    /// <param name="text">Null keeps the text, as editMessageReplyMarkup does.</param>
    public Message Edit(long chatId, int messageId, MessageText? text, InlineKeyboard keyboard)
    {
        lock (_gate)
        {
            var chat = Writable(chatId);
            var message = chat.Messages.GetValueOrDefault(messageId)
                          ?? throw BotApiFailure.BadRequest("message to edit not found");
            if (message.File is not null && text is not null)
            {
                throw BotApiFailure.BadRequest("there is no text in the message to edit");
            }

            var newText = text ?? message.Text;
            if (message.SameContentAs(newText, keyboard))
            {
                throw BotApiFailure.BadRequest(NotModified);
            }

            var now = clock.GetUtcNow();
            message.Edit(newText, keyboard, now.UtcDateTime);
            chat.Record(MessageOperationKind.Edited, message, now);
            Changed();
            return message.ToTelegram(chat.Chat, bot);
        }
    }

    public void Delete(long chatId, int messageId)
    {
        lock (_gate)
        {
            var chat = Writable(chatId);
            if (!chat.Messages.Remove(messageId, out var message))
            {
                throw BotApiFailure.BadRequest("message to delete not found");
            }

            chat.Record(MessageOperationKind.Deleted, message, clock.GetUtcNow());
            Changed();
        }
    }

    public string OpenCallbackQuery()
    {
        lock (_gate)
        {
            var id = (++_lastCallbackQueryId).ToString("'cbq-'0000", CultureInfo.InvariantCulture);
            _callbackQueries.Add(id, null);
            return id;
        }
    }

    public void AnswerCallbackQuery(string? queryId, string? text, bool showAlert)
    {
        lock (_gate)
        {
            if (queryId is null || !_callbackQueries.TryGetValue(queryId, out var answer) || answer is not null)
            {
                throw BotApiFailure.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            _callbackQueries[queryId] = new CallbackAnswer(queryId, text, showAlert);
        }
    }

    public CallbackAnswer? AnswerTo(string queryId)
    {
        lock (_gate)
        {
            return _callbackQueries.GetValueOrDefault(queryId);
        }
    }

    public IReadOnlyList<BotMessage> Messages(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat)
                ? [.. chat.Messages.Values.OrderBy(message => message.Id).Select(message => message.Snapshot(chatId))]
                : [];
        }
    }

    public IReadOnlyList<MessageOperation> History(long chatId, int since = 0)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? [.. chat.History.Skip(since)] : [];
        }
    }

    public int HistoryLength(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? chat.History.Count : 0;
        }
    }

    /// <summary>The message as a callback query carries it; a stub for ids the bot never sent, as for forged presses.</summary>
    public Message AsCallbackMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            var chat = Find(chatId);
            return chat.Messages.TryGetValue(messageId, out var message)
                ? message.ToTelegram(chat.Chat, bot)
                : new Message { Id = messageId, Chat = chat.Chat, Date = DateTime.UnixEpoch };
        }
    }

    /// <summary>The most recently sent or edited message that still shows a button with this text.</summary>
    public (BotMessage Message, BotButton Button)? FindButton(long chatId, string buttonText)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                return null;
            }

            var recentFirst = chat.History.Select(operation => operation.Message.Id).Reverse().Distinct();
            foreach (var messageId in recentFirst)
            {
                if (chat.Messages.TryGetValue(messageId, out var message))
                {
                    var snapshot = message.Snapshot(chatId);
                    if (snapshot.FindButton(buttonText) is { } button)
                    {
                        return (snapshot, button);
                    }
                }
            }

            return null;
        }
    }

    private BotChat Find(long chatId) =>
        _chats.GetValueOrDefault(chatId) ?? throw BotApiFailure.BadRequest("chat not found");

    private BotChat Writable(long chatId)
    {
        var chat = Find(chatId);
        return _blockedBy.Contains(chatId) ? throw new BotApiFailure(403, "Forbidden: bot was blocked by the user") : chat;
    }
}
