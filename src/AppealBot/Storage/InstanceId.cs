namespace AppealBot.Storage;

/// <summary>
/// This process among the bots sharing a PostgreSQL database: host, process id and a random part, new at every start,
/// so a restarted bot is a new instance and its predecessor's leftovers are adopted like any dead instance's.
/// </summary>
internal sealed class InstanceId
{
    public string Value { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Value;
}
