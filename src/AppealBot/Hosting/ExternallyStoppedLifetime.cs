using Microsoft.Extensions.Hosting;

namespace AppealBot.Hosting;

/// <summary>A host lifetime that ignores Ctrl+C and SIGTERM: whoever runs that host stops it.</summary>
internal sealed class ExternallyStoppedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
