namespace AppealBot.Handling;

/// <summary>
/// Button presses whose answer is still on its way. Another press of the same button on the same message meanwhile
/// (a user tapping again because nothing seemed to happen) is folded into it: answered, but without a second effect
/// or a second edit. Transport timing, on the real clock: an entry older than a few seconds no longer folds anything.
/// </summary>
internal sealed class PressesInFlight(TimeProvider realTime)
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<(long ChatId, int MessageId, string Data), (long UpdateId, long Stamp)> _presses = [];
    private readonly Dictionary<long, (long ChatId, int MessageId, string Data)> _byUpdate = [];

    /// <summary>False when the same press is already in flight: fold this one into it.</summary>
    public bool TryBegin(long updateId, long chatId, int messageId, string data)
    {
        var key = (chatId, messageId, data);
        var now = realTime.GetTimestamp();
        lock (_gate)
        {
            if (_presses.TryGetValue(key, out var earlier) && earlier.UpdateId != updateId && realTime.GetElapsedTime(earlier.Stamp, now) < Longest)
            {
                return false;
            }

            if (_presses.Count > 10_000)
            {
                _presses.Clear();
                _byUpdate.Clear();
            }

            _presses[key] = (updateId, now);
            _byUpdate[updateId] = key;
            return true;
        }
    }

    /// <summary>The press's answer and messages are out (or the update was not stored after all).</summary>
    public void End(long updateId)
    {
        lock (_gate)
        {
            if (_byUpdate.Remove(updateId, out var key) && _presses.TryGetValue(key, out var entry) && entry.UpdateId == updateId)
            {
                _presses.Remove(key);
            }
        }
    }
}
