using System.Collections.Concurrent;
using AppealBot.Conversation;
using AppealBot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AppealBot.Telegram;

/// <summary>
/// Everything the bot writes to Telegram goes through here: within the <see cref="SendBudget"/>, with
/// 429 honoured, transient failures retried with backoff, and chats that are gone marked as such.
/// Collages a turn asks for are handed to the <see cref="CollageQueue"/> once its replies are out.
/// </summary>
internal sealed partial class TelegramReplySender(
    ITelegramBotClient bot,
    SendBudget budget,
    UserStatusStore userStatus,
    CollageQueue collages,
    ILogger<TelegramReplySender> logger) : IReplySender, IChatSender
{
    private const int MaxAttempts = 4;
    private const int MaxRememberedChats = 10_000;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>The bot's latest message in each chat, and the key it was sent with (see <see cref="Reply.Supersedes"/>).</summary>
    private readonly ConcurrentDictionary<long, (int MessageId, string? Key)> _latest = new();

    public async Task DeliverAsync(IncomingUpdate update, Turn turn, CancellationToken cancellationToken)
    {
        if (update.CallbackQueryId is { } queryId)
        {
            await AnswerButtonAsync(queryId, turn.ButtonNotice, cancellationToken);
        }

        foreach (var reply in turn.Replies)
        {
            var outcome = reply.ReplacesPressedMessage && update.PressedMessageId is { } messageId
                ? await SendWithRetriesAsync("editMessageText", update.ChatId, SendPriority.Reply, MaxAttempts,
                    () => EditAsync(update.ChatId, messageId, reply, cancellationToken), cancellationToken)
                : reply.Supersedes is { } key && _latest.TryGetValue(update.ChatId, out var latest) && latest.Key == key
                    ? await SendWithRetriesAsync("editMessageText", update.ChatId, SendPriority.Reply, MaxAttempts,
                        () => EditAsync(update.ChatId, latest.MessageId, reply, cancellationToken), cancellationToken)
                    : await SendWithRetriesAsync("sendMessage", update.ChatId, SendPriority.Reply, MaxAttempts,
                        () => SendAsync(update.ChatId, reply, cancellationToken), cancellationToken);
            if (outcome != SendOutcome.Sent)
            {
                return;
            }
        }

        if (turn.Attachment is { } attachment)
        {
            await SendDocumentAsync(update.ChatId, attachment.Content, attachment.FileName, attachment.CaptionHtml, cancellationToken);
        }

        if (turn.Collages is { } request && !collages.TryEnqueue(new CollageJob(update.ChatId, request)))
        {
            await SendWithRetriesAsync("sendMessage", update.ChatId, SendPriority.Reply, MaxAttempts,
                () => SendAsync(update.ChatId, CollageMessages.Busy(request), cancellationToken), cancellationToken);
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

    private async Task AnswerButtonAsync(string queryId, string? notice, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId, notice, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            // An expired query (the user waited too long) must not stop the reply itself.
            LogCallbackAnswerFailed(TransientFailures.Describe(e));
        }
    }

    private async Task<Message> SendAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        var sent = await bot.SendMessage(chatId, reply.Html, ParseMode.Html, replyMarkup: Markup(reply.Buttons),
            linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
        Remember(chatId, sent.Id, reply.Supersedes);
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

    private async Task EditAsync(long chatId, int messageId, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(chatId, messageId, reply.Html, ParseMode.Html, replyMarkup: Markup(reply.Buttons),
                linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Same text and buttons as before (a double tap): the user already sees the right thing.
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

                LogRetrying(method, TransientFailures.Describe(e), attempt);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "answerCallbackQuery failed: {Error}")]
    private partial void LogCallbackAnswerFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} cannot be written to any more (Telegram {ErrorCode}); no more messages go there")]
    private partial void LogChatGone(long chatId, int errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: Telegram asked to slow down; pausing all sending for {Seconds} s")]
    private partial void LogTooManyRequests(string method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed ({Error}), attempt {Attempt}; retrying")]
    private partial void LogRetrying(string method, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed ({Error}); giving up for now")]
    private partial void LogGaveUp(string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} was refused by Telegram ({Error})")]
    private partial void LogRejected(string method, string error);
}
