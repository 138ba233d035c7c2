using AppealBot.Conversation;
using AppealBot.Reminders;
using AppealBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>The answer to one stored update, waiting for its transaction to commit before it may be sent.</summary>
internal sealed record PendingReply(IncomingUpdate Update, Turn Turn);

/// <summary>
/// Stores what one update changes — the user, their cases, their reminders and the update's id — inside a
/// transaction that the caller commits, and returns the replies to send once it has.
/// </summary>
internal sealed partial class UpdateHandler(
    UpdateWriter writer,
    Dialogue dialogue,
    BotIdentity identity,
    ReminderSignal reminderSignal,
    PressesInFlight presses,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<DeadlineOptions> deadlineOptions,
    TimeProvider time,
    ILogger<UpdateHandler> logger)
{
    /// <summary>
    /// Handles one update end to end (the terminal chat's path): store, commit, reply. False when it could not
    /// be stored and must be delivered again.
    /// </summary>
    public async Task<bool> HandleAsync(Update update, IReplySender replies, CancellationToken cancellationToken)
    {
        PendingReply? reply;
        long? reminderAdded;
        try
        {
            await using var transaction = await writer.BeginAsync(cancellationToken);
            reply = await StoreAsync(transaction, update);
            await transaction.CommitAsync(cancellationToken);
            reminderAdded = transaction.EarliestReminderAdded;
        }
        catch (SqliteException e)
        {
            LogStorageFailed(update.Id, e.SqliteErrorCode, e.SqliteExtendedErrorCode);
            return false;
        }

        ReminderAdded(reminderAdded);
        if (reply is not null)
        {
            await replies.DeliverAsync(reply.Update, reply.Turn, cancellationToken);
        }

        presses.End(update.Id);
        return true;
    }

    /// <summary>
    /// Applies one update inside <paramref name="transaction"/>. Null when there is nothing to answer: not for
    /// this bot, or already handled (a redelivery).
    /// </summary>
    public async Task<PendingReply?> StoreAsync(UpdateTransaction transaction, Update update)
    {
        var incoming = IncomingUpdate.From(update, identity.Username);
        if (incoming is null)
        {
            LogIgnored(update.Id, update.Type);
            return null;
        }

        var now = time.GetUtcNow();
        if (!transaction.TryMarkHandled(update.Id, now))
        {
            LogDuplicate(update.Id);
            return null;
        }

        if (incoming is { CallbackQueryId: not null, PressedMessageId: { } pressed, Input: ButtonInput button }
            && !presses.TryBegin(update.Id, incoming.ChatId, pressed, button.Data))
        {
            // The same button again while its first press is being answered: answered too, with no second effect.
            LogFolded(update.Id);
            return new PendingReply(incoming, new Turn());
        }

        if (incoming.Input is GroupMessageInput)
        {
            // Said once per group, then silence: nobody in a group wants a bot answering every message.
            var first = transaction.TellGroupOnce(incoming.ChatId, now);
            var texts = Localization.Localizer.For(Localization.Languages.FromTelegramCode(incoming.LanguageCode));
            return first ? new PendingReply(incoming, new Turn().Send(texts["input.group"])) : null;
        }

        var user = transaction.FindUser(incoming.UserId);
        if (user is null)
        {
            user = UserProfile.New(incoming.UserId, incoming.ChatId, incoming.LanguageCode, now);
            transaction.SaveUser(user, now);
        }

        user.ChatId = incoming.ChatId;
        user.FollowTelegramLanguage(incoming.LanguageCode);
        var (zoneBefore, nudgesBefore) = (user.TimeZone.Id, user.NudgesEnabled);

        var cases = transaction.CasesOf(user.Id);
        var turn = await dialogue.HandleAsync(user, cases, now, incoming.Input);

        if (user.ForgetRequested)
        {
            transaction.DeleteUser(user.Id);
            LogForgotten(user.Id);
        }
        else
        {
            var changed = cases.Save(now);

            // A new time zone or nudge setting, or a user back after blocking the bot, re-plans every case.
            var replan = user.TimeZone.Id != zoneBefore || user.NudgesEnabled != nudgesBefore || user.IsBlocked
                ? await cases.ListAsync()
                : changed;
            foreach (var @case in replan)
            {
                transaction.Reminders.Sync(@case, ReminderPlan.For(@case, user, reminderOptions.Value, deadlineOptions.Value), now);
            }

            transaction.SaveUser(user, now);
        }

        return new PendingReply(incoming, turn);
    }

    /// <summary>
    /// The update made the bot fail: it is recorded as handled (so it does not come back for ever) and the
    /// user gets an apology instead of silence.
    /// </summary>
    public PendingReply GiveUp(UpdateTransaction transaction, Update update, Exception error)
    {
        LogBug(update.Id, error.GetType().Name, error.StackTrace);
        transaction.TryMarkHandled(update.Id, time.GetUtcNow());
        var incoming = IncomingUpdate.From(update, identity.Username)!;
        var texts = Localization.Localizer.For(Localization.Languages.FromTelegramCode(incoming.LanguageCode));
        return new PendingReply(incoming, new Turn().Send(texts["input.internal_error"]).Notice(texts["input.internal_error.notice"]));
    }

    /// <summary>After a commit that added reminders: the dispatcher looks again if one falls due before it planned to.</summary>
    public void ReminderAdded(long? earliestDueUnixMs) => reminderSignal.Added(earliestDueUnixMs);

    public void LogStorageFailed(long updateId, SqliteException e) => LogStorageFailed(updateId, e.SqliteErrorCode, e.SqliteExtendedErrorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} made the bot fail ({Error}); it is dropped with an apology. {StackTrace}")]
    private partial void LogBug(long updateId, string error, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} ({Kind}) is not for this bot; ignored")]
    private partial void LogIgnored(long updateId, UpdateType kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} asked to be forgotten; their data is erased")]
    private partial void LogForgotten(long userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} presses a button whose press is still being answered; folded into it")]
    private partial void LogFolded(long updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId}: chat {ChatId} writes faster than Telegram lets the bot answer; folded without an effect")]
    public partial void LogFolded(long updateId, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} was already handled; skipped")]
    private partial void LogDuplicate(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} could not be stored (SQLite error {Code}/{ExtendedCode}); it stays unconfirmed and will be handled again")]
    private partial void LogStorageFailed(long updateId, int code, int extendedCode);
}
