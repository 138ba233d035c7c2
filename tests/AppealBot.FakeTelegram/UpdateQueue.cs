using Telegram.Bot.Types;

namespace AppealBot.Tests.FakeTelegram;

/// <summary>
/// The server's update queue with getUpdates semantics: an update stays until a poll passes an offset above its id,
/// a long poll returns as soon as something arrives, and a newer poll terminates an older one with 409.
/// It also knows when the bot has answered an update, by the bot's promise (see <see cref="WhenAnswered"/>).
/// </summary>
internal sealed class UpdateQueue(int firstUpdateId)
{
    private readonly Lock _gate = new();
    private readonly List<Update> _pending = [];
    private readonly Dictionary<long, Update> _delivered = [];
    private readonly List<(long UpdateId, TaskCompletionSource Confirmed)> _confirmationWaiters = [];
    private readonly List<(long UpdateId, TaskCompletionSource Answered)> _answerWaiters = [];
    private long _answeredOffset = firstUpdateId;
    private readonly TaskCompletionSource _shutdown = NewSignal();
    private int _nextUpdateId = firstUpdateId;
    private long _confirmedOffset = firstUpdateId;
    private TaskCompletionSource _arrived = NewSignal();
    private TaskCompletionSource? _activePoll;

    /// <summary>Every update with a smaller id has been confirmed.</summary>
    public long ConfirmedOffset
    {
        get
        {
            lock (_gate)
            {
                return _confirmedOffset;
            }
        }
    }

    public IReadOnlyList<Update> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending];
            }
        }
    }

    /// <summary>A fresh update id for an update that does not go through this queue (a webhook delivery).</summary>
    public int TakeId()
    {
        lock (_gate)
        {
            return _nextUpdateId++;
        }
    }

    /// <summary>Forgets every pending update, as setWebhook or deleteWebhook with drop_pending_updates do.</summary>
    public void DropPending()
    {
        List<TaskCompletionSource> confirmed;
        lock (_gate)
        {
            confirmed = Confirm(_nextUpdateId);
            confirmed.AddRange(Answer(_confirmedOffset));
        }

        confirmed.ForEach(waiter => waiter.TrySetResult());
    }

    public int Enqueue(Func<int, Update> build)
    {
        TaskCompletionSource arrived;
        int id;
        lock (_gate)
        {
            id = _nextUpdateId++;
            var update = build(id);
            update.Id = id;
            _pending.Add(update);
            _delivered[id] = update;
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.TrySetResult();
        return id;
    }

    /// <summary>
    /// Puts an update back as if its confirmation never reached the server (the bot crashed after handling
    /// it): the next poll without an offset returns it again, with its original id.
    /// </summary>
    public void Redeliver(Update update)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pending.RemoveAll(pending => pending.Id == update.Id);
            _pending.Add(update);
            _pending.Sort((a, b) => a.Id.CompareTo(b.Id));
            _confirmedOffset = Math.Min(_confirmedOffset, update.Id);
            _answeredOffset = Math.Min(_answeredOffset, update.Id);
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.TrySetResult();
    }

    public Update? Delivered(long updateId)
    {
        lock (_gate)
        {
            return _delivered.GetValueOrDefault(updateId);
        }
    }

    public Task WhenConfirmed(long updateId)
    {
        lock (_gate)
        {
            if (_confirmedOffset > updateId)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _confirmationWaiters.Add((updateId, waiter));
            return waiter.Task;
        }
    }

    /// <summary>
    /// Completes once the bot has sent everything it sends in answer to the update. The bot promises (and its
    /// tests rely on it) that a getUpdates request starts only after the replies to every update confirmed by an
    /// earlier request, and that a long poll (timeout above 0) starts only when no reply at all is outstanding.
    /// So an update is answered when a later request starts, or when the request that confirmed it was a long one.
    /// </summary>
    public Task WhenAnswered(long updateId)
    {
        lock (_gate)
        {
            if (_answeredOffset > updateId)
            {
                return Task.CompletedTask;
            }

            var waiter = NewSignal();
            _answerWaiters.Add((updateId, waiter));
            return waiter.Task;
        }
    }

    public async Task<Update[]> PollAsync(long offset, int limit, TimeSpan timeout, CancellationToken requestAborted)
    {
        var thisPoll = NewSignal();
        TaskCompletionSource? previousPoll;
        List<TaskCompletionSource> confirmed;
        lock (_gate)
        {
            previousPoll = _activePoll;
            _activePoll = thisPoll;

            // This request starting means the bot has answered what earlier requests confirmed.
            confirmed = Answer(_confirmedOffset);
            confirmed.AddRange(Confirm(offset));
            if (timeout > TimeSpan.Zero)
            {
                confirmed.AddRange(Answer(_confirmedOffset));
            }
        }

        previousPoll?.TrySetResult();
        confirmed.ForEach(waiter => waiter.TrySetResult());

        try
        {
            return await WaitForUpdatesAsync(thisPoll.Task, limit, timeout, requestAborted);
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == thisPoll)
                {
                    _activePoll = null;
                }
            }
        }
    }

    /// <summary>Ends pending long polls with an empty result so the web host can stop at once.</summary>
    public void Shutdown() => _shutdown.TrySetResult();

    private async Task<Update[]> WaitForUpdatesAsync(Task superseded, int limit, TimeSpan timeout, CancellationToken requestAborted)
    {
        using var timedOut = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timedOut.CancelAfter(timeout);
        var stopped = Task.WhenAny(Task.Delay(Timeout.Infinite, timedOut.Token), _shutdown.Task);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    return [.. _pending.Take(limit)];
                }

                arrived = _arrived.Task;
            }

            var woken = await Task.WhenAny(arrived, superseded, stopped);
            requestAborted.ThrowIfCancellationRequested();
            if (woken == superseded)
            {
                throw new BotApiFailure(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }

            if (woken == stopped)
            {
                return [];
            }
        }
    }

    private List<TaskCompletionSource> Confirm(long offset)
    {
        if (offset < 0)
        {
            // A negative offset keeps only the last -offset updates and forgets the rest.
            var keep = (int)Math.Min(-offset, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
            offset = _pending.Count > 0 ? _pending[0].Id : _nextUpdateId;
        }

        if (offset <= _confirmedOffset)
        {
            return [];
        }

        _confirmedOffset = offset;
        _pending.RemoveAll(update => update.Id < offset);
        var done = _confirmationWaiters.Where(waiter => waiter.UpdateId < offset).ToList();
        _confirmationWaiters.RemoveAll(waiter => waiter.UpdateId < offset);
        return [.. done.Select(waiter => waiter.Confirmed)];
    }

    private List<TaskCompletionSource> Answer(long offset)
    {
        if (offset <= _answeredOffset)
        {
            return [];
        }

        _answeredOffset = offset;
        var done = _answerWaiters.Where(waiter => waiter.UpdateId < offset).ToList();
        _answerWaiters.RemoveAll(waiter => waiter.UpdateId < offset);
        return [.. done.Select(waiter => waiter.Answered)];
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
