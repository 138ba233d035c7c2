using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>The Bot API methods the fake implements, looked up case-insensitively like the real server does.</summary>
internal sealed class BotApiMethods
{
    public const int MaxCallbackAnswerLength = 200;

    /// <summary>The real server caps long polls around this many seconds.</summary>
    public const int MaxPollSeconds = 50;

    private readonly Dictionary<string, BotApiMethod> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly User _bot;
    private readonly BotChats _chats;
    private readonly UpdateQueue _updates;

    public BotApiMethods(User bot, BotChats chats, UpdateQueue updates)
    {
        _bot = bot;
        _chats = chats;
        _updates = updates;
        Add("getMe", _ => _bot);
        Add("setMyCommands", _ => true);
        Add("deleteMyCommands", _ => true);
        Add("deleteWebhook", _ => true);
        Add("sendChatAction", args => SendChatAction(args));
        Add("sendMessage", SendMessage);
        Add("editMessageText", EditMessageText);
        Add("editMessageReplyMarkup", EditMessageReplyMarkup);
        Add("deleteMessage", args => DeleteMessage(args));
        Add("answerCallbackQuery", args => AnswerCallbackQuery(args));
        _methods.Add("getUpdates", new BotApiMethod("getUpdates", GetUpdatesAsync));
    }

    public BotApiMethod? Find(string name) => _methods.GetValueOrDefault(name);

    private void Add(string name, Func<BotApiArgs, object> handle) =>
        _methods.Add(name, new BotApiMethod(name, (args, _) => Task.FromResult(handle(args))));

    private async Task<object> GetUpdatesAsync(BotApiArgs args, CancellationToken requestAborted)
    {
        var offset = args.GetInt64("offset") ?? 0;
        var limit = (int)Math.Clamp(args.GetInt64("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(args.GetInt64("timeout") ?? 0, 0, MaxPollSeconds));
        return await _updates.PollAsync(offset, limit, timeout, requestAborted);
    }

    private Message SendMessage(BotApiArgs args)
    {
        var chatId = args.RequireChatId();
        _chats.EnsureWritable(chatId);
        var text = MessageText.Parse(args.GetString("text"), args.GetString("parse_mode"));
        var keyboard = InlineKeyboard.Parse(args.GetJson("reply_markup"), inlineOnly: false);
        return _chats.Send(chatId, text, keyboard);
    }

    private Message EditMessageText(BotApiArgs args)
    {
        var (chatId, messageId) = RequireMessage(args);
        var text = MessageText.Parse(args.GetString("text"), args.GetString("parse_mode"));
        var keyboard = InlineKeyboard.Parse(args.GetJson("reply_markup"), inlineOnly: true);
        return _chats.Edit(chatId, messageId, text, keyboard);
    }

    private Message EditMessageReplyMarkup(BotApiArgs args)
    {
        var (chatId, messageId) = RequireMessage(args);
        var keyboard = InlineKeyboard.Parse(args.GetJson("reply_markup"), inlineOnly: true);
        return _chats.Edit(chatId, messageId, text: null, keyboard);
    }

    private bool DeleteMessage(BotApiArgs args)
    {
        var (chatId, messageId) = RequireMessage(args);
        _chats.Delete(chatId, messageId);
        return true;
    }

    private bool SendChatAction(BotApiArgs args)
    {
        var chatId = args.RequireChatId();
        _ = args.GetString("action") ?? throw BotApiFailure.BadRequest("action is empty");
        _chats.EnsureWritable(chatId);
        return true;
    }

    private bool AnswerCallbackQuery(BotApiArgs args)
    {
        var text = args.GetString("text");
        if (text?.Length > MaxCallbackAnswerLength)
        {
            throw BotApiFailure.BadRequest("MESSAGE_TOO_LONG");
        }

        _chats.AnswerCallbackQuery(args.GetString("callback_query_id"), text, args.GetBool("show_alert"));
        return true;
    }

    private static (long ChatId, int MessageId) RequireMessage(BotApiArgs args)
    {
        if (args.GetString("inline_message_id") is not null)
        {
            throw BotApiFailure.BadRequest("the fake Telegram server does not implement inline messages");
        }

        return (args.RequireChatId(), args.RequireMessageId());
    }
}

internal sealed record BotApiMethod(string Name, Func<BotApiArgs, CancellationToken, Task<object>> InvokeAsync);
