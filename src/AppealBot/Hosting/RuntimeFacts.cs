using System.Reflection;
using AppealBot.Conversation;

namespace AppealBot.Hosting;

internal sealed class RuntimeFacts(TimeProvider time) : IRuntimeFacts
{
    public string Version { get; } =
        typeof(RuntimeFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
