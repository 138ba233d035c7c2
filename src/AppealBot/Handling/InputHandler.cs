using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Reminders;
using AppealBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Handling;

/// <summary>The answer to one stored input, waiting for its transaction to commit before it may be sent.</summary>
internal sealed record PendingReply(Inbound Input, Turn Turn);

/// <summary>How many replies each chat is owed already, and how many it may be owed before its typing is folded.</summary>
internal sealed record OwedReplies(IReadOnlyDictionary<long, int> QueuedPerChat, int MaxPerChat);

/// <summary>
/// A committed batch: what its inputs owe (in the outbox now, in each user's order) and the smallest update id that
/// could not be stored and must be delivered again, if any.
/// </summary>
internal sealed record StoredBatch(IReadOnlyList<OwedTurn> Turns, long? RedeliverFrom);

/// <summary>
/// The one way in for what users do, whatever carries it: loads the user and their cases, lets the conversation
/// decide, and stores the user, the cases, their reminders, the input's id and the replies it owes in one
/// transaction; only then may anything be sent. Storage failures come back as <see cref="StorageException"/>:
/// a transient one leaves the input unstored (to be delivered again), anything else gets the user an apology.
/// </summary>
internal sealed partial class InputHandler(
    IUpdateWriter writer,
    Dialogue dialogue,
    ReminderSignal reminderSignal,
    PressesInFlight presses,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<DeadlineOptions> deadlineOptions,
    TimeProvider time,
    ILogger<InputHandler> logger)
{
    /// <summary>Chats told to slow down, until they are owed fewer replies again: one notice per flood, not one per message.</summary>
    private readonly HashSet<long> _toldToSlowDown = [];

    /// <summary>
    /// One input with a commit of its own, for a transport that shows the reply itself (the terminal). Null when there
    /// is nothing to answer (already handled). Throws <see cref="StorageException"/> when it could not be stored.
    /// </summary>
    public async Task<Turn?> HandleAsync(Inbound input, CancellationToken cancellationToken)
    {
        try
        {
            PendingReply? reply;
            long? reminderAdded;
            await using (var transaction = await writer.BeginAsync(cancellationToken))
            {
                reply = await StoreOrApologiseAsync(transaction, input);
                await transaction.CommitAsync(cancellationToken);
                reminderAdded = transaction.EarliestReminderAdded;
            }

            reminderSignal.Added(reminderAdded);
            return reply?.Turn;
        }
        catch (StorageException e)
        {
            LogStorageFailed(input.UpdateId, e.Reason);
            throw;
        }
        finally
        {
            presses.End(input.UpdateId);
        }
    }

    /// <summary>
    /// Stores a batch in one transaction (group commit: one fsync for all of it), each input under its own savepoint,
    /// with the replies each owes written to the outbox; one that cannot be stored leaves the rest of its user's batch
    /// for redelivery without holding back anyone else. Nothing is sent yet.
    /// </summary>
    public async Task<StoredBatch> StoreAsync(IReadOnlyList<Inbound> inputs, OwedReplies owedBefore, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            return new StoredBatch([], null);
        }

        var byUser = inputs.GroupBy(i => i.UserId).Select(g => g.OrderBy(i => i.UpdateId).ToList()).ToList();
        var owed = new List<OwedTurn>();
        var owedInBatch = new Dictionary<long, int>();
        var firstFailed = long.MaxValue;
        long? reminderAdded;
        try
        {
            await using var transaction = await writer.BeginAsync(cancellationToken);
            foreach (var userInputs in byUser)
            {
                foreach (var input in userInputs)
                {
                    try
                    {
                        if (await transaction.InSavepointAsync(() => StoreOneAsync(transaction, input, owedBefore, owedInBatch)) is { } turn)
                        {
                            owed.Add(turn);
                            owedInBatch[turn.ChatId] = owedInBatch.GetValueOrDefault(turn.ChatId) + turn.Messages.Count;
                        }
                    }
                    catch (StorageException e) when (e.IsTransient)
                    {
                        LogStorageFailed(input.UpdateId, e.Reason);
                        firstFailed = Math.Min(firstFailed, input.UpdateId);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A bug, or a write the database refuses for good: delivering the input again would fail again, for ever.
                        owed.Add(await OwedTurn.WriteAsync(transaction, await GiveUpAsync(transaction, input, e), time.GetUtcNow()));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
            reminderAdded = transaction.EarliestReminderAdded;
        }
        catch (StorageException e)
        {
            // The commit (or the transaction itself) failed: nothing of the batch is stored, all of it comes again.
            var first = inputs.Min(i => i.UpdateId);
            LogStorageFailed(first, e.Reason);
            return new StoredBatch([], first);
        }

        reminderSignal.Added(reminderAdded);
        return new StoredBatch(owed, firstFailed == long.MaxValue ? null : firstFailed);
    }

    /// <summary>
    /// Applies one input inside <paramref name="transaction"/>. Null when there is nothing to answer: already handled
    /// (a redelivery), or a message in a group that was told once already.
    /// </summary>
    public async Task<PendingReply?> StoreAsync(UpdateTransaction transaction, Inbound input)
    {
        var now = time.GetUtcNow();
        if (!await transaction.TryMarkHandledAsync(input.UpdateId, now))
        {
            LogDuplicate(input.UpdateId);
            return null;
        }

        if (input is { CallbackQueryId: not null, PressedMessageId: { } pressed, Input: ButtonInput button }
            && !presses.TryBegin(input.UpdateId, input.ChatId, pressed, button.Data))
        {
            // The same button again while its first press is being answered: answered too, with no second effect.
            LogFolded(input.UpdateId);
            return new PendingReply(input, new Turn());
        }

        if (input.Input is GroupMessageInput)
        {
            // Said once per group, then silence: nobody in a group wants a bot answering every message.
            var first = await transaction.TellGroupOnceAsync(input.ChatId, now);
            return first ? new PendingReply(input, new Turn().Send(TextsFor(input)["input.group"])) : null;
        }

        var user = await transaction.FindUserAsync(input.UserId);
        if (user is null)
        {
            user = UserProfile.New(input.UserId, input.ChatId, input.LanguageCode, now);
            await transaction.SaveUserAsync(user, now);
        }

        user.ChatId = input.ChatId;
        user.FollowTelegramLanguage(input.LanguageCode);
        var (zoneBefore, nudgesBefore) = (user.TimeZone.Id, user.NudgesEnabled);

        var cases = transaction.CasesOf(user.Id);
        var turn = await dialogue.HandleAsync(user, cases, now, input.Input);

        if (user.ForgetRequested)
        {
            await transaction.DeleteUserAsync(user.Id);
            LogForgotten(user.Id);
        }
        else
        {
            var changed = await cases.SaveAsync(now);

            // A new time zone or nudge setting, or a user back after blocking the bot, re-plans every case.
            var replan = user.TimeZone.Id != zoneBefore || user.NudgesEnabled != nudgesBefore || user.IsBlocked
                ? await cases.ListAsync()
                : changed;
            foreach (var @case in replan)
            {
                await transaction.Reminders.SyncAsync(@case, ReminderPlan.For(@case, user, reminderOptions.Value, deadlineOptions.Value), now);
            }

            await transaction.SaveUserAsync(user, now);
        }

        return new PendingReply(input, turn);
    }

    /// <summary>The terminal's path: the input and its apology if it makes the bot fail, as the batch path does.</summary>
    private async Task<PendingReply?> StoreOrApologiseAsync(UpdateTransaction transaction, Inbound input)
    {
        try
        {
            return await transaction.InSavepointAsync(() => StoreAsync(transaction, input));
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not StorageException { IsTransient: true })
        {
            return await GiveUpAsync(transaction, input, e);
        }
    }

    /// <summary>The input's effects and the replies it owes, under one savepoint: both are stored, or neither.</summary>
    private async Task<OwedTurn?> StoreOneAsync(UpdateTransaction transaction, Inbound input, OwedReplies owedBefore, Dictionary<long, int> owedInBatch)
    {
        if (Floods(input, owedBefore, owedInBatch))
        {
            return await FoldExcessAsync(transaction, input);
        }

        return await StoreAsync(transaction, input) is { } reply ? await OwedTurn.WriteAsync(transaction, reply, time.GetUtcNow()) : null;
    }

    /// <summary>
    /// A typed message from a chat that is already owed too many replies: the user writes faster than the transport
    /// lets the bot answer (Telegram: about one a second). Button presses and photos always go through.
    /// </summary>
    private bool Floods(Inbound input, OwedReplies owedBefore, Dictionary<long, int> owedInBatch)
    {
        if (input.Input is not (TextInput or CommandInput))
        {
            return false;
        }

        var owed = owedBefore.QueuedPerChat.GetValueOrDefault(input.ChatId) + owedInBatch.GetValueOrDefault(input.ChatId);
        lock (_toldToSlowDown)
        {
            if (owed < owedBefore.MaxPerChat)
            {
                _toldToSlowDown.Remove(input.ChatId);
                return false;
            }
        }

        return true;
    }

    /// <summary>Recorded as handled without an effect; the first one of a flood is answered "slow down".</summary>
    private async Task<OwedTurn?> FoldExcessAsync(UpdateTransaction transaction, Inbound excess)
    {
        var now = time.GetUtcNow();
        if (!await transaction.TryMarkHandledAsync(excess.UpdateId, now))
        {
            return null;
        }

        LogFolded(excess.UpdateId, excess.ChatId);
        lock (_toldToSlowDown)
        {
            if (!_toldToSlowDown.Add(excess.ChatId))
            {
                return null;
            }
        }

        var texts = Localizer.For((await transaction.FindUserAsync(excess.UserId))?.Language ?? Languages.FromTelegramCode(excess.LanguageCode));
        return await OwedTurn.WriteAsync(transaction, new PendingReply(excess, new Turn().Send(texts["input.slow_down"])), now);
    }

    /// <summary>
    /// The input made the bot fail: it is recorded as handled (so it does not come back for ever) and the user gets
    /// an apology instead of silence.
    /// </summary>
    private async Task<PendingReply> GiveUpAsync(UpdateTransaction transaction, Inbound input, Exception error)
    {
        LogBug(input.UpdateId, error.GetType().Name, error.StackTrace);
        await transaction.TryMarkHandledAsync(input.UpdateId, time.GetUtcNow());
        var texts = TextsFor(input);
        return new PendingReply(input, new Turn().Send(texts["input.internal_error"]).Notice(texts["input.internal_error.notice"]));
    }

    private static Localizer TextsFor(Inbound input) => Localizer.For(Languages.FromTelegramCode(input.LanguageCode));

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} made the bot fail ({Error}); it is dropped with an apology. {StackTrace}")]
    private partial void LogBug(long updateId, string error, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} asked to be forgotten; their data is erased")]
    private partial void LogForgotten(long userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} presses a button whose press is still being answered; folded into it")]
    private partial void LogFolded(long updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId}: chat {ChatId} writes faster than Telegram lets the bot answer; folded without an effect")]
    private partial void LogFolded(long updateId, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} was already handled; skipped")]
    private partial void LogDuplicate(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} could not be stored ({Reason}); it stays unconfirmed and will be handled again")]
    private partial void LogStorageFailed(long updateId, string reason);
}
