using AppealBot.Storage;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Hosting;

/// <summary>Brings the database schema up to date before anything else starts.</summary>
internal sealed class DatabaseStartup(Migrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
