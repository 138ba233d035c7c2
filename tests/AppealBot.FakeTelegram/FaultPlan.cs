namespace AppealBot.Tests.FakeTelegram;

/// <summary>Faults queued per method by <see cref="FakeTelegramServer.FailNext"/>.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<FakeFault>> _queued = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string method, FakeFault fault, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            if (!_queued.TryGetValue(method, out var faults))
            {
                _queued[method] = faults = new Queue<FakeFault>();
            }

            for (var i = 0; i < times; i++)
            {
                faults.Enqueue(fault);
            }
        }
    }

    public FakeFault? TakeNext(string method)
    {
        lock (_gate)
        {
            return _queued.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault) ? fault : null;
        }
    }
}
