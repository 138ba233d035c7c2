using AppealBot.Conversation;
using AppealBot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AppealBot.Telegram;

internal sealed partial class TelegramReplySender(
    ITelegramBotClient bot,
    UserStatusStore userStatus,
    ILogger<TelegramReplySender> logger) : IReplySender
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
            var delivered = reply.ReplacesPressedMessage && update.PressedMessageId is { } messageId
                ? await TryWithRetriesAsync("editMessageText", update.ChatId, () => EditAsync(update.ChatId, messageId, reply, cancellationToken), cancellationToken)
                : await TryWithRetriesAsync("sendMessage", update.ChatId, () => SendAsync(update.ChatId, reply, cancellationToken), cancellationToken);
            if (!delivered)
            {
                return;
            }
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

    /// <summary>False when the chat can no longer be written to; transient failures are retried with backoff.</summary>
    private async Task<bool> TryWithRetriesAsync(string method, long chatId, Func<Task> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
            {
                LogChatGone(chatId, e.ErrorCode);
                await userStatus.MarkBlockedAsync(chatId, CancellationToken.None);
                return false;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(method, TransientFailures.Describe(e), attempt);
                await Task.Delay(TransientFailures.Backoff(attempt - 1), cancellationToken);
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
            {
                LogGaveUp(method, TransientFailures.Describe(e));
                return false;
            }
        }
    }

    private static InlineKeyboardMarkup? Markup(Buttons? buttons) => buttons is null
        ? null
        : new InlineKeyboardMarkup(buttons.Rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "answerCallbackQuery failed: {Error}")]
    private partial void LogCallbackAnswerFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} cannot be written to any more (Telegram {ErrorCode}); no more messages go there")]
    private partial void LogChatGone(long chatId, int errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed ({Error}), attempt {Attempt}; retrying")]
    private partial void LogRetrying(string method, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed ({Error}); giving up on this reply")]
    private partial void LogGaveUp(string method, string error);
}
