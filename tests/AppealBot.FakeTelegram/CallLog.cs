namespace AppealBot.Tests.FakeTelegram;

/// <summary>Every call the server answered, and the tests waiting for particular ones.</summary>
internal sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<CallWaiter> _waiters = [];

    public IReadOnlyList<RecordedCall> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void Add(RecordedCall call)
    {
        List<CallWaiter> satisfied;
        lock (_gate)
        {
            _calls.Add(call);
            satisfied = _waiters.FindAll(waiter => waiter.Matches(call));
            _waiters.RemoveAll(satisfied.Contains);
        }

        satisfied.ForEach(waiter => waiter.Found.TrySetResult(call));
    }

    /// <summary>Completes with the first matching call, including calls already recorded.</summary>
    public Task<RecordedCall> WhenCalled(string method, Func<RecordedCall, bool>? predicate)
    {
        var waiter = new CallWaiter(method, predicate);
        lock (_gate)
        {
            if (_calls.Find(waiter.Matches) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            _waiters.Add(waiter);
            return waiter.Found.Task;
        }
    }

    public string DescribeRecent(int count = 20)
    {
        lock (_gate)
        {
            return _calls.Count == 0
                ? "  (no calls)"
                : string.Join('\n', _calls.TakeLast(count).Select(call => $"  {call}"));
        }
    }

    private sealed class CallWaiter(string method, Func<RecordedCall, bool>? predicate)
    {
        public TaskCompletionSource<RecordedCall> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(RecordedCall call) =>
            string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate?.Invoke(call) ?? true);
    }
}
