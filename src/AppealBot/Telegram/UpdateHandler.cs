using AppealBot.Conversation;
using AppealBot.Storage;
using Microsoft.Data.Sqlite;
using AppealBot.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>
/// Handles one update end to end: read the user, let the conversation answer, commit the new state
/// together with the update id, and only then deliver the replies.
/// </summary>
internal sealed partial class UpdateHandler(
    Database database,
    Dialogue dialogue,
    ReminderSignal reminderSignal,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<UpdateHandler> logger)
{
    /// <summary>
    /// True when the update is done with (handled now, handled before, or not for us) and may be confirmed
    /// to Telegram; false when its effects could not be stored and Telegram must deliver it again.
    /// </summary>
    public async Task<bool> HandleAsync(Update update, IReplySender replies, CancellationToken cancellationToken)
    {
        var incoming = IncomingUpdate.From(update);
        if (incoming is null)
        {
            LogIgnored(update.Id, update.Type);
            return true;
        }

        Turn turn;
        try
        {
            await using var transaction = await UpdateTransaction.BeginAsync(database, cancellationToken);
            if (await transaction.WasHandledAsync(update.Id))
            {
                LogDuplicate(update.Id);
                return true;
            }

            var now = time.GetUtcNow();
            var user = await transaction.FindUserAsync(incoming.UserId);
            if (user is null)
            {
                user = UserProfile.New(incoming.UserId, incoming.ChatId, incoming.LanguageCode, now);
                await transaction.SaveUserAsync(user, now);
            }

            user.ChatId = incoming.ChatId;
            user.FollowTelegramLanguage(incoming.LanguageCode);
            var (zoneBefore, nudgesBefore) = (user.TimeZone.Id, user.NudgesEnabled);

            var cases = transaction.CasesOf(user.Id);
            turn = await dialogue.HandleAsync(user, cases, now, incoming.Input);

            IReadOnlyList<Case> replan = [];
            if (user.ForgetRequested)
            {
                await transaction.DeleteUserAsync(user.Id);
                LogForgotten(user.Id);
            }
            else
            {
                var changed = await cases.SaveAsync(now);

                // A new time zone or nudge setting, or a user back after blocking the bot, re-plans every case.
                replan = user.TimeZone.Id != zoneBefore || user.NudgesEnabled != nudgesBefore || user.IsBlocked
                    ? await cases.ListAsync()
                    : changed;
                foreach (var @case in replan)
                {
                    await transaction.Reminders.SyncAsync(@case, ReminderPlan.For(@case, user, reminderOptions.Value), now);
                }

                await transaction.SaveUserAsync(user, now);
            }

            await transaction.MarkHandledAsync(update.Id, now);
            await transaction.CommitAsync(cancellationToken);
            if (replan.Count > 0)
            {
                reminderSignal.Wake();
            }
        }
        catch (SqliteException e)
        {
            LogStorageFailed(update.Id, e.SqliteErrorCode, e.SqliteExtendedErrorCode);
            return false;
        }

        await replies.DeliverAsync(incoming, turn, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} ({Kind}) is not for this bot; ignored")]
    private partial void LogIgnored(long updateId, UpdateType kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} asked to be forgotten; their data is erased")]
    private partial void LogForgotten(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} was already handled; skipped")]
    private partial void LogDuplicate(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} could not be stored (SQLite error {Code}/{ExtendedCode}); it stays unconfirmed and will be handled again")]
    private partial void LogStorageFailed(long updateId, int code, int extendedCode);
}
