using AppealBot.Handling;
using AppealBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Telegram;

/// <summary>
/// Polling's and the webhook inbox's way in: maps a batch of Telegram updates to inputs, has the
/// <see cref="InputHandler"/> store them with one commit (their replies in the outbox), then hands the replies to the
/// <see cref="ReplyLanes"/>, which send each chat's in order and never make one chat wait for another.
/// </summary>
internal sealed partial class UpdateBatchRunner(
    InputHandler handler,
    ReplyLanes lanes,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<UpdateBatchRunner> logger)
{
    /// <summary>Stores the batch and sends its replies; the smallest update id that must be delivered again, or null.</summary>
    public async Task<int?> RunAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var batch = await StoreAsync(updates, cancellationToken);
        Send(batch);
        return (int?)batch.RedeliverFrom;
    }

    /// <summary>Stores the batch in one transaction and commits it; its replies are not sent yet.</summary>
    public Task<StoredBatch> StoreAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var inputs = new List<Inbound>(updates.Count);
        foreach (var update in updates)
        {
            if (IncomingUpdate.From(update, identity.Username) is { } input)
            {
                inputs.Add(input);
            }
            else
            {
                LogIgnored(update.Id, update.Type);
            }
        }

        // A chat owed many replies already types faster than Telegram lets the bot answer (about one a second).
        var queued = inputs.Select(i => i.ChatId).Distinct().ToDictionary(chat => chat, lanes.QueuedFor);
        return handler.StoreAsync(inputs, new OwedReplies(queued, options.Value.MaxOwedPerChat), cancellationToken);
    }

    /// <summary>Hands a committed batch to the lanes: button presses are answered now, messages go in each chat's order.</summary>
    public void Send(StoredBatch batch) => lanes.Accept(batch.Turns);

    /// <summary>Updates that do not name a user (channel posts, polls) are ordered among themselves.</summary>
    internal static long OrderingKey(Update update) =>
        update.Message?.From?.Id
        ?? update.EditedMessage?.From?.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.From.Id
        ?? 0;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} ({Kind}) is not for this bot; ignored")]
    private partial void LogIgnored(long updateId, UpdateType kind);
}
