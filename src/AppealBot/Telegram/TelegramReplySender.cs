using System.Collections.Concurrent;
using AppealBot.Conversation;
using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AppealBot.Telegram;

/// <summary>How sending one outbox message ended.</summary>
internal enum Delivery
{
    Sent,

    /// <summary>An edit to exactly what the message shows already: nothing was sent.</summary>
    Unchanged,

    /// <summary>Telegram refused it for good (400): dropped.</summary>
    Refused,

    /// <summary>The user blocked the bot or the chat is gone: nothing more goes there.</summary>
    ChatGone,

    /// <summary>Not sent within Telegram:ReplyLifetime: no longer useful, dropped.</summary>
    Expired,

    /// <summary>The bot is stopping: the message stays in the outbox for the next start.</summary>
    Stopped,
}

/// <summary>
/// Everything the bot writes to Telegram goes through here: within the <see cref="SendBudget"/>, with
/// 429 honoured, transient failures retried with backoff, and chats that are gone marked as such.
/// </summary>
internal sealed partial class TelegramReplySender(
    ITelegramBotClient bot,
    SendBudget budget,
    IUserStatusStore userStatus,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramReplySender> logger) : IChatSender
{
    private const int MaxAttempts = 4;
    private const int MaxRememberedChats = 10_000;
    private const int MaxRememberedMessages = 50_000;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>The bot's latest message in each chat, and the key it was sent with (see <see cref="Reply.Supersedes"/>).</summary>
    private readonly ConcurrentDictionary<long, (int MessageId, string? Key)> _latest = new();

    /// <summary>What each message the bot sent or edited shows now, so an edit to the very same content is never sent.</summary>
    private readonly ConcurrentDictionary<(long ChatId, int MessageId), int> _shown = new();

    private string Host => TransientFailures.HostOf(options.Value.ApiBaseUrl);

    /// <summary>
    /// Sends one message of the outbox, trying again for as long as it is still useful (Telegram:ReplyLifetime): a
    /// transient failure (network, 5xx) waits 1 s, 2 s … 30 s and tries again; a 429 waits exactly as long as Telegram
    /// asked, everyone else's sends too. Only Telegram's refusal (400, 403) or age gives a message up.
    /// </summary>
    /// <param name="stopping">Stops waiting (for the budget, a backoff): the message stays in the outbox.</param>
    /// <param name="abort">Abandons a call already made: only when even the grace after stopping is over.</param>
    public async Task<Delivery> DeliverAsync(OutboxMessage message, CancellationToken stopping, CancellationToken abort)
    {
        var settings = options.Value;
        for (var failures = 0; ;)
        {
            var age = time.GetUtcNow() - message.CreatedAt;
            if (age > settings.ReplyLifetime)
            {
                LogExpired(message.ChatId, message.UpdateId, age.TotalMinutes);
                return Delivery.Expired;
            }

            var method = MethodOf(message);
            try
            {
                if (IsUnchangedEdit(message, out var messageId))
                {
                    return Delivery.Unchanged;
                }

                await budget.AcquireAsync(message.ChatId, SendPriority.Reply, stopping);
                try
                {
                    await CallAsync(message, messageId, abort);
                }
                finally
                {
                    budget.Answered(message.ChatId);
                }

                return Delivery.Sent;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested || abort.IsCancellationRequested)
            {
                return Delivery.Stopped;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                // Waiting out a 429 is not a failure: the message goes once Telegram allows it.
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                LogTooManyRequests(method, retryAfter.TotalSeconds);
                budget.PauseFor(retryAfter);
            }
            catch (ApiRequestException e) when (IsChatGone(e))
            {
                LogChatGone(message.ChatId, e.ErrorCode);
                await userStatus.MarkBlockedAsync(message.ChatId, CancellationToken.None);
                return Delivery.ChatGone;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e))
            {
                var delay = TransientFailures.Backoff(failures++, settings.RetryFirstDelay, settings.RetryMaxDelay);
                LogRetrying(method, Host, TransientFailures.Describe(e), failures, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, stopping);
                }
                catch (OperationCanceledException)
                {
                    return Delivery.Stopped;
                }
            }
            catch (ApiRequestException e)
            {
                LogRejected(method, TransientFailures.Describe(e));
                return Delivery.Refused;
            }
        }
    }

    /// <summary>Answers a button press at once: it does not count toward the message limits, so it skips the budget.</summary>
    public async Task AnswerButtonAsync(string queryId, string? notice, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bot.AnswerCallbackQuery(queryId, notice, cancellationToken: cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 3 && TransientFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var wait = e is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds }
                    ? TimeSpan.FromSeconds(seconds)
                    : TimeSpan.FromMilliseconds(250 * attempt);
                await Task.Delay(wait, cancellationToken);
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
            {
                // An expired query (the user waited too long) must not stop the reply itself.
                LogCallbackAnswerFailed(Host, TransientFailures.Describe(e));
                return;
            }
        }
    }

    private static string MethodOf(OutboxMessage message) => message.Kind switch
    {
        OutboxKind.Document => "sendDocument",
        OutboxKind.EditPressed => "editMessageText",
        _ => "sendMessage",
    };

    /// <summary>True when the edit would show exactly what the message shows now (Telegram answers 400 "not modified").</summary>
    private bool IsUnchangedEdit(OutboxMessage message, out int? messageId)
    {
        messageId = message switch
        {
            { Kind: OutboxKind.EditPressed, MessageId: { } pressed } => pressed,
            { Kind: OutboxKind.Message, Reply.Supersedes: { } key } when _latest.TryGetValue(message.ChatId, out var latest) && latest.Key == key => latest.MessageId,
            _ => null,
        };
        return messageId is { } id && _shown.TryGetValue((message.ChatId, id), out var shown) && shown == message.ContentHash;
    }

    private async Task CallAsync(OutboxMessage message, int? editedMessageId, CancellationToken cancellationToken)
    {
        if (message is { Kind: OutboxKind.Document, Document: { } document })
        {
            using var stream = new MemoryStream(document.Content, writable: false);
            var sent = await bot.SendDocument(message.ChatId, InputFile.FromStream(stream, document.FileName), caption: document.CaptionHtml,
                parseMode: ParseMode.Html, cancellationToken: cancellationToken);
            Remember(message.ChatId, sent.Id, key: null);
        }
        else if (editedMessageId is { } messageId)
        {
            await EditAsync(message.ChatId, messageId, message.Reply, cancellationToken);
        }
        else
        {
            await SendAsync(message.ChatId, message.Reply, cancellationToken);
        }
    }

    /// <summary>One try (plus waiting out a 429); the caller decides when to try a transient failure again.</summary>
    public Task<SendOutcome> SendAsync(long chatId, Reply reply, SendPriority priority, CancellationToken cancellationToken) =>
        SendWithRetriesAsync("sendMessage", chatId, priority, attempts: 1, () => SendAsync(chatId, reply, cancellationToken), cancellationToken);

    /// <summary>A message the user is waiting for (after collages were made), tried as often as a reply.</summary>
    public Task<SendOutcome> SendReplyAsync(long chatId, Reply reply, CancellationToken cancellationToken) =>
        SendWithRetriesAsync("sendMessage", chatId, SendPriority.Reply, MaxAttempts, () => SendAsync(chatId, reply, cancellationToken), cancellationToken);

    /// <summary>
    /// Uploads a file as a document (multipart), so Telegram keeps it byte for byte instead of recompressing it
    /// as it does photos; <paramref name="captionHtml"/> is one line under it.
    /// </summary>
    public Task<SendOutcome> SendDocumentAsync(long chatId, byte[] content, string fileName, string captionHtml, CancellationToken cancellationToken) =>
        SendWithRetriesAsync("sendDocument", chatId, SendPriority.Reply, MaxAttempts, async () =>
        {
            // A fresh stream for every attempt: a failed upload has read the previous one.
            using var stream = new MemoryStream(content, writable: false);
            var sent = await bot.SendDocument(chatId, InputFile.FromStream(stream, fileName), caption: captionHtml, parseMode: ParseMode.Html,
                cancellationToken: cancellationToken);
            Remember(chatId, sent.Id, key: null);
        }, cancellationToken);

    /// <summary>"sending a file…" at the top of the chat while collages are made; not worth a retry.</summary>
    public async Task ShowUploadingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendChatAction(chatId, ChatAction.UploadDocument, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            // Only a hint for the user; whatever stopped it will show (and be logged) when the collage is sent.
        }
    }

    private async Task<Message> SendAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        var sent = await bot.SendMessage(chatId, reply.Html, ParseMode.Html, replyMarkup: Markup(reply.Buttons),
            linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
        Remember(chatId, sent.Id, reply.Supersedes);
        Show(chatId, sent.Id, reply);
        return sent;
    }

    private void Remember(long chatId, int messageId, string? key)
    {
        if (_latest.Count > MaxRememberedChats)
        {
            // Forgetting only costs a new message where an edit would have done.
            _latest.Clear();
        }

        _latest[chatId] = (messageId, key);
    }

    private void Show(long chatId, int messageId, Reply reply)
    {
        if (_shown.Count > MaxRememberedMessages)
        {
            // Forgetting only costs one edit Telegram answers "not modified", taken as done.
            _shown.Clear();
        }

        _shown[(chatId, messageId)] = OutboxMessage.ContentOf(reply.Html, reply.Buttons);
    }

    private async Task EditAsync(long chatId, int messageId, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(chatId, messageId, reply.Html, ParseMode.Html, replyMarkup: Markup(reply.Buttons),
                linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
            Show(chatId, messageId, reply);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Same text and buttons as before (sent by an earlier run of the bot): the user already sees the right thing.
            Show(chatId, messageId, reply);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message", StringComparison.OrdinalIgnoreCase)
                                             && (e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("can't be edited", StringComparison.OrdinalIgnoreCase)))
        {
            await SendAsync(chatId, reply, cancellationToken);
        }
    }

    private async Task<SendOutcome> SendWithRetriesAsync(
        string method, long chatId, SendPriority priority, int attempts, Func<Task> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await budget.AcquireAsync(chatId, priority, cancellationToken);
            try
            {
                await call();
                return SendOutcome.Sent;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                // Waiting out a 429 is not a failed attempt: the message will go once Telegram allows it.
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                LogTooManyRequests(method, retryAfter.TotalSeconds);
                budget.PauseFor(retryAfter);
                attempt--;
            }
            catch (ApiRequestException e) when (IsChatGone(e))
            {
                LogChatGone(chatId, e.ErrorCode);
                await userStatus.MarkBlockedAsync(chatId, CancellationToken.None);
                return SendOutcome.ChatGone;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    LogGaveUp(method, TransientFailures.Describe(e));
                    return SendOutcome.Transient;
                }

                LogRetryingCollage(method, Host, TransientFailures.Describe(e), attempt);
                await Task.Delay(TransientFailures.Backoff(attempt - 1), cancellationToken);
            }
            catch (ApiRequestException e)
            {
                LogRejected(method, TransientFailures.Describe(e));
                return SendOutcome.Rejected;
            }
        }
    }

    private static bool IsChatGone(ApiRequestException e) =>
        e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase));

    private static InlineKeyboardMarkup? Markup(Buttons? buttons) => buttons is null
        ? null
        : new InlineKeyboardMarkup(buttons.Rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "answerCallbackQuery to {Host} failed: {Error}")]
    private partial void LogCallbackAnswerFailed(string host, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} to {Host} failed ({Error}), failure {Failures} in a row; the message stays in the outbox and is tried again in {Seconds:0.0} s")]
    private partial void LogRetrying(string method, string host, string error, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to chat {ChatId} (update {UpdateId}) could not be sent for {Minutes:0} min, longer than Telegram:ReplyLifetime; dropped")]
    private partial void LogExpired(long chatId, long updateId, double minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} cannot be written to any more (Telegram {ErrorCode}); no more messages go there")]
    private partial void LogChatGone(long chatId, int errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: Telegram asked to slow down; pausing all sending for {Seconds} s")]
    private partial void LogTooManyRequests(string method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} to {Host} failed ({Error}), attempt {Attempt}; retrying")]
    private partial void LogRetryingCollage(string method, string host, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed ({Error}); giving up for now")]
    private partial void LogGaveUp(string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} was refused by Telegram ({Error})")]
    private partial void LogRejected(string method, string error);
}
