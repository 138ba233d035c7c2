using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Handles a batch of updates with one commit (group commit: one fsync for the whole batch instead of one
/// per update), then sends the replies: each user's strictly in order, different users concurrently
/// (bounded). Each update is stored under its own savepoint, so one that cannot be stored leaves the rest of
/// its user's batch for redelivery without holding back anyone else.
/// </summary>
internal sealed class UpdateBatchRunner(UpdateHandler handler, UpdateWriter writer, IReplySender replies, IOptions<BotOptions> options)
{
    /// <summary>Stores the batch and sends its replies; the smallest update id that must be delivered again, or null.</summary>
    public async Task<int?> RunAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var batch = await StoreAsync(updates, cancellationToken);
        await SendAsync(batch, cancellationToken);
        return batch.RedeliverFrom;
    }

    /// <summary>Stores the batch in one transaction and commits it; its replies are not sent yet.</summary>
    public async Task<StoredBatch> StoreAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byUser = updates.GroupBy(OrderingKey).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        var replyQueues = new List<List<PendingReply>>();
        var firstFailed = int.MaxValue;
        try
        {
            await using var transaction = await writer.BeginAsync(cancellationToken);
            foreach (var userUpdates in byUser)
            {
                var queue = new List<PendingReply>();
                foreach (var update in userUpdates)
                {
                    try
                    {
                        if (await transaction.InSavepointAsync(() => handler.StoreAsync(transaction, update)) is { } reply)
                        {
                            queue.Add(reply);
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
                        queue.Add(handler.GiveUp(transaction, update, e));
                    }
                }

                if (queue.Count > 0)
                {
                    replyQueues.Add(queue);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            // The commit (or the transaction itself) failed: nothing of the batch is stored, all of it comes again.
            handler.LogStorageFailed(updates.Min(u => u.Id), e);
            return new StoredBatch([], updates.Min(u => u.Id));
        }

        handler.ReminderPlanned();
        return new StoredBatch(replyQueues, firstFailed == int.MaxValue ? null : firstFailed);
    }

    /// <summary>Sends a stored batch's replies: each user's in order, users concurrently.</summary>
    public Task SendAsync(StoredBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Replies.Count == 0)
        {
            return Task.CompletedTask;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentUsers, CancellationToken = CancellationToken.None };
        return Parallel.ForEachAsync(batch.Replies, parallel, async (queue, _) =>
        {
            foreach (var reply in queue)
            {
                await replies.DeliverAsync(reply.Update, reply.Turn, cancellationToken);
            }
        });
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
/// A committed batch: the replies waiting to be sent (one queue per user, in order) and the smallest update id that
/// could not be stored and must be delivered again, if any.
/// </summary>
internal sealed record StoredBatch(IReadOnlyList<IReadOnlyList<PendingReply>> Replies, int? RedeliverFrom);
