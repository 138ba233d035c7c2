using System.Collections.Concurrent;
using AppealBot.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Handles a batch of updates, from getUpdates or from the webhook inbox: one user's updates strictly in
/// order, different users concurrently (bounded). A user whose update fails to store has the rest of their
/// batch left for another try.
/// </summary>
internal sealed class UpdateBatchRunner(UpdateHandler handler, IReplySender replies, IOptions<BotOptions> options)
{
    /// <summary>How long in-flight updates may take to finish after shutdown was requested.</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The ids of the updates that were not handled (one that could not be stored, and the same user's later
    /// ones); empty when the whole batch is done.
    /// </summary>
    public async Task<IReadOnlySet<int>> RunAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byUser = updates.GroupBy(OrderingKey).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        var unhandled = new ConcurrentDictionary<int, bool>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentUsers, CancellationToken = CancellationToken.None };

        await Parallel.ForEachAsync(byUser, parallel, async (userUpdates, _) =>
        {
            for (var i = 0; i < userUpdates.Count; i++)
            {
                if (!await handler.HandleAsync(userUpdates[i], replies, cancellationToken))
                {
                    foreach (var left in userUpdates.Skip(i))
                    {
                        unhandled[left.Id] = true;
                    }

                    return;
                }
            }
        });

        return unhandled.Keys.ToHashSet();
    }

    /// <summary>The user whose updates must stay in order; updates that name no user (0) are ordered among themselves.</summary>
    public static long OrderingKey(Update update) =>
        update.Message?.From?.Id
        ?? update.EditedMessage?.From?.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.From.Id
        ?? 0;
}
