using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>The Bot API methods the fake implements, looked up case-insensitively like the real server does.</summary>
internal sealed partial class BotApiMethods
{
    public const int MaxCallbackAnswerLength = 200;

    /// <summary>The real server caps long polls around this many seconds.</summary>
    public const int MaxPollSeconds = 50;

    /// <summary>Bots download files up to 20 MB, upload documents up to 50 MB and photos up to 10 MB.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;
    public const long MaxDocumentBytes = 50L * 1024 * 1024;
    public const long MaxPhotoBytes = 10L * 1024 * 1024;

    private readonly Dictionary<string, BotApiMethod> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly User _bot;
    private readonly BotChats _chats;
    private readonly UpdateQueue _updates;
    private FakeWebhook? _webhook;
    private readonly FakeFiles _files;

    public BotApiMethods(User bot, BotChats chats, UpdateQueue updates, FakeFiles files)
    {
        _bot = bot;
        _chats = chats;
        _updates = updates;
        _files = files;
        Add("getMe", _ => _bot);
        Add("setMyCommands", _ => true);
        Add("deleteMyCommands", _ => true);
        Add("setWebhook", args => SetWebhook(args));
        Add("deleteWebhook", args => DeleteWebhook(args));
        Add("getWebhookInfo", _ => GetWebhookInfo());
        Add("sendChatAction", args => SendChatAction(args));
        Add("sendMessage", SendMessage);
        Add("editMessageText", EditMessageText);
        Add("editMessageReplyMarkup", EditMessageReplyMarkup);
        Add("deleteMessage", args => DeleteMessage(args));
        Add("answerCallbackQuery", args => AnswerCallbackQuery(args));
        Add("getFile", GetFile);
        Add("sendDocument", args => SendFile(args, "document", MaxDocumentBytes));
        Add("sendPhoto", args => SendFile(args, "photo", MaxPhotoBytes));
        _methods.Add("getUpdates", new BotApiMethod("getUpdates", GetUpdatesAsync));
    }

    public BotApiMethod? Find(string name) => _methods.GetValueOrDefault(name);

    /// <summary>The webhook the bot set; null while it long-polls.</summary>
    public FakeWebhook? Webhook => Volatile.Read(ref _webhook);

    private void Add(string name, Func<BotApiArgs, object> handle) =>
        _methods.Add(name, new BotApiMethod(name, (args, _) => Task.FromResult(handle(args))));

    private async Task<object> GetUpdatesAsync(BotApiArgs args, CancellationToken requestAborted)
    {
        if (Webhook is not null)
        {
            throw new BotApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = args.GetInt64("offset") ?? 0;
        var limit = (int)Math.Clamp(args.GetInt64("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(args.GetInt64("timeout") ?? 0, 0, MaxPollSeconds));
        return await _updates.PollAsync(offset, limit, timeout, requestAborted);
    }

    /// <summary>As the real server: an https URL on an allowed port, a well-formed secret; an empty URL removes the webhook.</summary>
    private bool SetWebhook(BotApiArgs args)
    {
        var url = args.GetString("url") ?? string.Empty;
        if (url.Length == 0)
        {
            return DeleteWebhook(args);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw BotApiFailure.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (uri.Port is not (443 or 80 or 88 or 8443))
        {
            throw BotApiFailure.BadRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }

        var secret = args.GetString("secret_token");
        if (secret is not null && !SecretShape().IsMatch(secret))
        {
            throw BotApiFailure.BadRequest("secret token contains unallowed characters");
        }

        var allowed = args.GetJson("allowed_updates") is JsonArray kinds
            ? kinds.Select(kind => kind?.GetValue<string>() ?? string.Empty).ToList()
            : null;
        var drop = args.GetBool("drop_pending_updates");
        if (drop)
        {
            _updates.DropPending();
        }

        Volatile.Write(ref _webhook, new FakeWebhook(url, secret, allowed, drop));
        return true;
    }

    private bool DeleteWebhook(BotApiArgs args)
    {
        if (args.GetBool("drop_pending_updates"))
        {
            _updates.DropPending();
        }

        Volatile.Write(ref _webhook, null);
        return true;
    }

    private WebhookInfo GetWebhookInfo() => new()
    {
        Url = Webhook?.Url ?? string.Empty,
        HasCustomCertificate = false,
        PendingUpdateCount = Webhook is null ? 0 : _updates.Pending.Count,
    };

    private Message SendMessage(BotApiArgs args)
    {
        var chatId = args.RequireChatId();
        _chats.EnsureWritable(chatId);
        var text = MessageText.Parse(args.GetString("text"), args.GetString("parse_mode"));
        var keyboard = InlineKeyboard.Parse(args.GetJson("reply_markup"), inlineOnly: false);
        return _chats.Send(chatId, text, keyboard);
    }

    private TGFile GetFile(BotApiArgs args)
    {
        var fileId = args.GetString("file_id") ?? throw BotApiFailure.BadRequest("file_id is empty");
        var file = _files.Find(fileId) ?? throw BotApiFailure.BadRequest("invalid file_id");
        return file.Size > MaxDownloadBytes
            ? throw BotApiFailure.BadRequest("file is too big")
            : new TGFile { FileId = file.FileId, FileUniqueId = file.FileUniqueId, FileSize = file.Size, FilePath = file.FilePath };
    }

    /// <summary>sendDocument / sendPhoto: a multipart upload, or a file_id of a file the server already has.</summary>
    private Message SendFile(BotApiArgs args, string kind, long maxBytes)
    {
        var chatId = args.RequireChatId();
        _chats.EnsureWritable(chatId);
        var caption = MessageText.ParseCaption(args.GetString("caption"), args.GetString("parse_mode"));
        var keyboard = InlineKeyboard.Parse(args.GetJson("reply_markup"), inlineOnly: false);

        // The file is a multipart part named after the parameter, or named by it ("attach://0", as Telegram.Bot sends it).
        var reference = args.GetString(kind);
        var partName = reference?.StartsWith("attach://", StringComparison.Ordinal) == true ? reference["attach://".Length..] : kind;
        SentFile sent;
        if (args.Files.GetValueOrDefault(partName) is { } upload)
        {
            if (upload.Content.LongLength > maxBytes)
            {
                throw new BotApiFailure(413, "Request Entity Too Large");
            }

            var stored = _files.Add(upload.Content, upload.ContentType, folder: kind + "s");
            sent = new SentFile(kind, stored.FileId, upload.FileName, upload.ContentType, upload.Content);
        }
        else if (reference is not null && _files.Find(reference) is { } known)
        {
            sent = new SentFile(kind, known.FileId, Path.GetFileName(known.FilePath), known.MimeType, known.Content);
        }
        else
        {
            throw BotApiFailure.BadRequest("wrong file identifier/HTTP URL specified");
        }

        return _chats.Send(chatId, caption, keyboard, sent);
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

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
