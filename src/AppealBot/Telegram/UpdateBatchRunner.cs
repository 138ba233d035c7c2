using AppealBot.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace AppealBot.Telegram;

/// <summary>
/// Handles a batch of updates: one user's updates strictly in order, different users concurrently
/// (bounded). A user whose update fails to store has the rest of their batch left for redelivery.
/// </summary>
internal sealed class UpdateBatchRunner(UpdateHandler handler, IReplySender replies, IOptions<BotOptions> options)
{
    /// <summary>The smallest update id that must be delivered again, or null when the whole batch is done.</summary>
    public async Task<int?> RunAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byUser = updates.GroupBy(OrderingKey).Select(g => g.OrderBy(u => u.Id).ToList()).ToList();
        var firstFailed = int.MaxValue;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentUsers, CancellationToken = CancellationToken.None };

        await Parallel.ForEachAsync(byUser, parallel, async (userUpdates, _) =>
        {
            foreach (var update in userUpdates)
            {
                if (!await handler.HandleAsync(update, replies, cancellationToken))
                {
                    InterlockedMin(ref firstFailed, update.Id);
                    return;
                }
            }
        });

        return firstFailed == int.MaxValue ? null : firstFailed;
    }

    /// <summary>Updates that do not name a user (channel posts, polls) are ordered among themselves.</summary>
    internal static long OrderingKey(Update update) =>
        update.Message?.From?.Id
        ?? update.EditedMessage?.From?.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.From.Id
        ?? 0;

    private static void InterlockedMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
