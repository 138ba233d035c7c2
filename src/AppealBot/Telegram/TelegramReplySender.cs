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
/// </summary>
internal sealed partial class TelegramReplySender(
    ITelegramBotClient bot,
    SendBudget budget,
    UserStatusStore userStatus,
    ILogger<TelegramReplySender> logger) : IReplySender, IChatSender
{
    private const int MaxAttempts = 4;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

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
                : await SendWithRetriesAsync("sendMessage", update.ChatId, SendPriority.Reply, MaxAttempts,
                    () => SendAsync(update.ChatId, reply, cancellationToken), cancellationToken);
            if (outcome != SendOutcome.Sent)
            {
                return;
            }
        }
    }

    /// <summary>One try (plus waiting out a 429); the caller decides when to try a transient failure again.</summary>
    public Task<SendOutcome> SendAsync(long chatId, Reply reply, SendPriority priority, CancellationToken cancellationToken) =>
        SendWithRetriesAsync("sendMessage", chatId, priority, attempts: 1, () => SendAsync(chatId, reply, cancellationToken), cancellationToken);

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

    private Task<Message> SendAsync(long chatId, Reply reply, CancellationToken cancellationToken) =>
        bot.SendMessage(chatId, reply.Html, ParseMode.Html, replyMarkup: Markup(reply.Buttons),
            linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);

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
