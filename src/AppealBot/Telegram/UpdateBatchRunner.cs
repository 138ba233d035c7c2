using AppealBot.Conversation;
using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Handles a batch of updates with one commit (group commit: one fsync for the whole batch instead of one
/// per update); the replies each update owes are written to the outbox in that same commit, then handed to the
/// <see cref="ReplyLanes"/>, which send each chat's in order and never make one chat wait for another. Each update
/// is stored under its own savepoint, so one that cannot be stored leaves the rest of its user's batch for
/// redelivery without holding back anyone else.
/// </summary>
internal sealed class UpdateBatchRunner(UpdateHandler handler, UpdateWriter writer, ReplyLanes lanes, BotIdentity identity, IOptions<TelegramOptions> options, TimeProvider time)
{
    /// <summary>Chats told to slow down, until their lane has room again: one notice per flood, not one per message.</summary>
    private readonly HashSet<long> _toldToSlowDown = [];

    /// <summary>Stores the batch and sends its replies; the smallest update id that must be delivered again, or null.</summary>
    public async Task<int?> RunAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var batch = await StoreAsync(updates, cancellationToken);
        Send(batch);
        return batch.RedeliverFrom;
    }

    /// <summary>Stores the batch in one transaction and commits it; its replies are not sent yet.</summary>
    public async Task<StoredBatch> StoreAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byUser = updates.GroupBy(OrderingKey).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        var owed = new List<OwedTurn>();
        var owedInBatch = new Dictionary<long, int>();
        var firstFailed = int.MaxValue;
        long? reminderAdded;
        try
        {
            await using var transaction = await writer.BeginAsync(cancellationToken);
            foreach (var userUpdates in byUser)
            {
                foreach (var update in userUpdates)
                {
                    try
                    {
                        if (await transaction.InSavepointAsync(() => StoreOneAsync(transaction, update, owedInBatch)) is { } turn)
                        {
                            owed.Add(turn);
                            owedInBatch[turn.ChatId] = owedInBatch.GetValueOrDefault(turn.ChatId) + turn.Messages.Count;
                        }
                    }
                    catch (SqliteException e)
                    {
                        handler.LogStorageFailed(update.Id, e);
                        firstFailed = Math.Min(firstFailed, update.Id);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A bug, not a storage problem: delivering the update again would fail again, for ever.
                        var apology = handler.GiveUp(transaction, update, e);
                        owed.Add(OwedTurn.Write(transaction, apology, time.GetUtcNow()));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
            reminderAdded = transaction.EarliestReminderAdded;
        }
        catch (SqliteException e)
        {
            // The commit (or the transaction itself) failed: nothing of the batch is stored, all of it comes again.
            handler.LogStorageFailed(updates.Min(u => u.Id), e);
            return new StoredBatch([], updates.Min(u => u.Id));
        }

        handler.ReminderAdded(reminderAdded);
        return new StoredBatch(owed, firstFailed == int.MaxValue ? null : firstFailed);
    }

    /// <summary>Hands a committed batch to the lanes: button presses are answered now, messages go in each chat's order.</summary>
    public void Send(StoredBatch batch) => lanes.Accept(batch.Turns);

    /// <summary>The update's effects and the replies it owes, under one savepoint: both are stored, or neither.</summary>
    private async Task<OwedTurn?> StoreOneAsync(UpdateTransaction transaction, Update update, Dictionary<long, int> owedInBatch)
    {
        if (Floods(update, owedInBatch) is { } excess)
        {
            return FoldExcess(transaction, excess);
        }

        return await handler.StoreAsync(transaction, update) is { } reply ? OwedTurn.Write(transaction, reply, time.GetUtcNow()) : null;
    }

    /// <summary>
    /// A typed message from a chat that is already owed more than Telegram:MaxOwedPerChat replies: the user writes
    /// faster than Telegram lets the bot answer (about one a second). Button presses and photos always go through.
    /// </summary>
    private IncomingUpdate? Floods(Update update, Dictionary<long, int> owedInBatch)
    {
        if (update.Message is not { Text: not null } || IncomingUpdate.From(update, identity.Username) is not { Input: TextInput or CommandInput } incoming)
        {
            return null;
        }

        var owed = lanes.QueuedFor(incoming.ChatId) + owedInBatch.GetValueOrDefault(incoming.ChatId);
        lock (_toldToSlowDown)
        {
            if (owed < options.Value.MaxOwedPerChat)
            {
                _toldToSlowDown.Remove(incoming.ChatId);
                return null;
            }
        }

        return incoming;
    }

    /// <summary>Recorded as handled without an effect; the first one of a flood is answered "slow down".</summary>
    private OwedTurn? FoldExcess(UpdateTransaction transaction, IncomingUpdate excess)
    {
        var now = time.GetUtcNow();
        if (!transaction.TryMarkHandled(excess.UpdateId, now))
        {
            return null;
        }

        handler.LogFolded(excess.UpdateId, excess.ChatId);
        lock (_toldToSlowDown)
        {
            if (!_toldToSlowDown.Add(excess.ChatId))
            {
                return null;
            }
        }

        var texts = Localization.Localizer.For(transaction.FindUser(excess.UserId)?.Language ?? Localization.Languages.FromTelegramCode(excess.LanguageCode));
        return OwedTurn.Write(transaction, new PendingReply(excess, new Conversation.Turn().Send(texts["input.slow_down"])), now);
    }

    /// <summary>Updates that do not name a user (channel posts, polls) are ordered among themselves.</summary>
    internal static long OrderingKey(Update update) =>
        update.Message?.From?.Id
        ?? update.EditedMessage?.From?.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.From.Id
        ?? 0;
}

/// <summary>
/// A committed batch: what its updates owe (in the outbox now, in each user's order) and the smallest update id that
/// could not be stored and must be delivered again, if any.
/// </summary>
internal sealed record StoredBatch(IReadOnlyList<OwedTurn> Turns, int? RedeliverFrom);
