using AppealBot.Handling;
using AppealBot.Hosting;
using AppealBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Telegram;

/// <summary>
/// Sends what the outbox holds: one lane per chat, so a chat's messages go strictly in order while another chat's
/// never wait for them (each lane waits only for its own pacing, about one message a second, and the shared 30/s).
/// A message leaves the outbox only once Telegram accepted or refused it, and a lane sends its next message only after
/// that removal is committed, so a crash repeats at most the one message per chat that was on its way. At start
/// everything still owed is queued first, before any new update is handled. Button presses are answered at once,
/// apart from the lanes. A lane with nothing to send has no task: an idle bot costs nothing here.
/// </summary>
internal sealed partial class ReplyLanes(
    TelegramReplySender sender,
    IOwedReplies pending,
    OutboxStore store,
    BotStartup startup,
    CollageQueue collages,
    PressesInFlight presses,
    IOptions<TelegramOptions> telegramOptions,
    IOptions<BotOptions> botOptions,
    ILogger<ReplyLanes> logger) : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Queue<OutboxMessage>> _lanes = [];
    private readonly SortedDictionary<long, int> _owed = [];
    private readonly List<(long UpdateId, TaskCompletionSource Done)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    /// <summary>How long a sent reply's removal from the outbox waits for a batch of updates to commit it along.</summary>
    internal static readonly TimeSpan RemovalGrace = TimeSpan.FromMilliseconds(100);

    private int _callsInFlight;
    private readonly TaskCompletionSource _callsFinished = NewSignal();
    private readonly SemaphoreSlim _calls = new(Math.Max(4, botOptions.Value.MaxConcurrentUsers * 4));
    private readonly SemaphoreSlim _answers = new(64);
    private TaskCompletionSource _idle = Completed();
    private volatile bool _abandoned;

    /// <summary>Messages queued in a chat's lane (the one being sent included).</summary>
    public int QueuedFor(long chatId)
    {
        lock (_gate)
        {
            return _lanes.TryGetValue(chatId, out var lane) ? lane.Count : 0;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var owed = await pending.PendingAsync(cancellationToken);
        if (owed.Count > 0)
        {
            var chats = owed.Select(m => m.ChatId).Distinct().Count();
            LogResuming(owed.Count, chats);
        }

        Resume(owed);
    }

    /// <summary>Queues replies stored earlier (at start, or adopted from another instance), in their order, per chat.</summary>
    public void Resume(IReadOnlyList<OutboxMessage> owed)
    {
        foreach (var chat in owed.GroupBy(m => m.ChatId))
        {
            Enqueue([.. chat]);
        }
    }

    /// <summary>Takes a committed batch: answers its button presses now and queues its messages in their chats' lanes.</summary>
    public void Accept(IReadOnlyList<OwedTurn> turns)
    {
        foreach (var turn in turns)
        {
            if (turn.CallbackQueryId is { } queryId)
            {
                Owe(turn.UpdateId);
                _ = AnswerAsync(turn.UpdateId, queryId, turn.ButtonNotice);
            }

            if (turn.Messages.Count > 0)
            {
                Enqueue(turn.Messages);
            }
            else
            {
                if (turn.Collages is { } request)
                {
                    HandOver(turn.ChatId, request);
                }

                if (turn.CallbackQueryId is null)
                {
                    presses.End(turn.UpdateId);
                }
            }
        }
    }

    /// <summary>
    /// Completes once every message owed for updates up to <paramref name="updateId"/> has been sent (or given up) and
    /// their button presses answered. Tests wait on it; so does nothing in production.
    /// </summary>
    public Task WhenAnsweredAsync(long updateId)
    {
        lock (_gate)
        {
            if (_owed.Count == 0 || _owed.First().Key > updateId)
            {
                return Task.CompletedTask;
            }

            var waiter = NewSignal();
            _waiters.Add((updateId, waiter));
            return waiter.Task;
        }
    }

    /// <summary>
    /// Another instance has adopted what this one owed (it was taken for dead): no new call starts, and stopping does
    /// not wait to drain. The rows stay in the outbox, the adopter's to send.
    /// </summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopping.Cancel();
    }

    /// <summary>SIGTERM: goes on sending for up to Telegram:ShutdownDrain; what is left stays in the outbox for the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        var drained = _abandoned || await Task.WhenAny(idle, Task.Delay(telegramOptions.Value.ShutdownDrain, cancellationToken)) == idle;
        if (!drained)
        {
            lock (_gate)
            {
                LogLeftForNextStart(_lanes.Values.Sum(lane => lane.Count));
            }
        }

        // No new call starts; one already made is given a moment to finish, so its answer is not lost (a resend could duplicate it).
        await _stopping.CancelAsync();
        if (Volatile.Read(ref _callsInFlight) > 0)
        {
            await _callsFinished.Task.WaitAsync(TimeSpan.FromSeconds(3), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _abort.CancelAsync();
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        _abort.Dispose();
        _calls.Dispose();
        _answers.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Enqueue(IReadOnlyList<OutboxMessage> messages)
    {
        var chatId = messages[0].ChatId;
        bool start;
        lock (_gate)
        {
            foreach (var message in messages)
            {
                Owe(message.UpdateId);
            }

            start = !_lanes.TryGetValue(chatId, out var lane);
            if (start)
            {
                _lanes[chatId] = lane = new Queue<OutboxMessage>();
            }

            foreach (var message in messages)
            {
                lane!.Enqueue(message);
            }
        }

        if (start)
        {
            _ = Task.Run(() => RunLaneAsync(chatId), CancellationToken.None);
        }
    }

    private async Task RunLaneAsync(long chatId)
    {
        try
        {
            await startup.WhenConnectedAsync(_stopping.Token);
            while (true)
            {
                OutboxMessage message;
                bool superseded;
                lock (_gate)
                {
                    var lane = _lanes[chatId];
                    if (lane.Count == 0)
                    {
                        _lanes.Remove(chatId);
                        return;
                    }

                    message = lane.Peek();

                    // Several edits of one message queued (rapid presses, a slow chat): only the last one matters.
                    superseded = message is { Kind: OutboxKind.EditPressed, Collages: null }
                                 && lane.Skip(1).Any(later => later.Kind == OutboxKind.EditPressed && later.MessageId == message.MessageId);
                }

                // Counted from before the call until its row is off the outbox: stopping waits for that, not for a guess.
                Interlocked.Increment(ref _callsInFlight);
                List<OutboxMessage> done;
                Delivery outcome;
                try
                {
                    outcome = superseded ? Delivery.Unchanged : await SendAsync(message);
                    if (outcome == Delivery.Stopped)
                    {
                        return;
                    }

                    done = outcome == Delivery.ChatGone ? TakeAll(chatId) : [message];
                    bool chatWaits;
                    lock (_gate)
                    {
                        // Answered as far as the user can tell; the lane itself moves on once the row is off the outbox.
                        foreach (var finished in done)
                        {
                            Settle(finished.UpdateId);
                        }

                        chatWaits = _lanes[chatId].Count > 1;
                    }

                    await RemoveAsync(done, chatWaits);
                }
                finally
                {
                    if (Interlocked.Decrement(ref _callsInFlight) == 0 && _stopping.IsCancellationRequested)
                    {
                        _callsFinished.TrySetResult();
                    }
                }

                if (outcome != Delivery.ChatGone)
                {
                    lock (_gate)
                    {
                        _lanes[chatId].Dequeue();
                    }
                }

                if (message.Collages is { } request && outcome is Delivery.Sent or Delivery.Unchanged)
                {
                    HandOver(chatId, request);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: what is left stays in the outbox.
        }
        catch (Exception e)
        {
            // A bug: the chat's messages stay in the outbox and go out at the next start; other chats go on.
            LogLaneFailed(chatId, e.GetType().Name, e.StackTrace);
            lock (_gate)
            {
                _lanes.Remove(chatId);
            }
        }
    }

    private async Task<Delivery> SendAsync(OutboxMessage message)
    {
        // Bounds the HTTP requests in flight when the limits are off (benchmarks); with them on the budget is tighter.
        await _calls.WaitAsync(_stopping.Token);
        try
        {
            return await sender.DeliverAsync(message, _stopping.Token, _abort.Token);
        }
        finally
        {
            _calls.Release();
        }
    }

    /// <summary>The chat is gone: everything queued for it is dropped with the message that found out.</summary>
    private List<OutboxMessage> TakeAll(long chatId)
    {
        lock (_gate)
        {
            var lane = _lanes[chatId];
            var all = lane.ToList();
            lane.Clear();
            return all;
        }
    }

    private void HandOver(long chatId, Conversation.CollageRequest request)
    {
        if (!collages.TryEnqueue(new CollageJob(chatId, request)))
        {
            _ = sender.SendReplyAsync(chatId, Conversation.CollageMessages.Busy(request), _stopping.Token);
        }
    }

    private async Task AnswerAsync(long updateId, string queryId, string? notice)
    {
        try
        {
            await _answers.WaitAsync(_stopping.Token);
            try
            {
                await sender.AnswerButtonAsync(queryId, notice, _stopping.Token);
            }
            finally
            {
                _answers.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                Settle(updateId);
            }
        }
    }

    /// <summary>
    /// Removes the rows, then returns: a lane sends its next message only once its last one is off the outbox. When
    /// the chat has nothing else queued, the removal waits up to <see cref="RemovalGrace"/> for the next batch of
    /// updates to commit it along (steady traffic: no commit of its own); otherwise it is committed at once.
    /// </summary>
    private async Task RemoveAsync(List<OutboxMessage> messages, bool chatWaits)
    {
        var removed = store.QueueRemoval([.. messages.Select(m => m.Id)]);
        if (!chatWaits)
        {
            await removed.WaitAsync(RemovalGrace, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        for (var failures = 0; !removed.IsCompleted;)
        {
            try
            {
                await store.FlushRemovalsAsync(removed, CancellationToken.None);
            }
            catch (StorageException e)
            {
                // The lane waits; the rows are tried again (a busy or full disk is worth waiting for).
                LogRemovalFailed(e.Reason);
                await Task.Delay(TransientFailures.Backoff(failures++), _abort.Token);
            }
        }
    }

    private void Owe(long updateId)
    {
        lock (_gate)
        {
            if (_owed.Count == 0)
            {
                _idle = NewSignal();
            }

            _owed[updateId] = _owed.GetValueOrDefault(updateId) + 1;
        }
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private void Settle(long updateId)
    {
        if (!_owed.TryGetValue(updateId, out var count))
        {
            return;
        }

        if (count > 1)
        {
            _owed[updateId] = count - 1;
            return;
        }

        _owed.Remove(updateId);
        presses.End(updateId);
        var lowest = _owed.Count == 0 ? long.MaxValue : _owed.First().Key;
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].UpdateId < lowest)
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }

        if (_owed.Count == 0)
        {
            _idle.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Completed()
    {
        var done = NewSignal();
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} replies to {Chats} chats were owed when the bot last stopped; sending them first")]
    private partial void LogResuming(int count, int chats);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with {Count} replies still owed; they stay in the outbox and go out at the next start")]
    private partial void LogLeftForNextStart(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending to chat {ChatId} failed ({Error}); its replies wait in the outbox for the next start. {StackTrace}")]
    private partial void LogLaneFailed(long chatId, string error, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sent replies could not be removed from the outbox ({Reason}); trying again")]
    private partial void LogRemovalFailed(string reason);
}
