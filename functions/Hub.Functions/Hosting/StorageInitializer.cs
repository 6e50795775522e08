using Hub.Core.Storage;

namespace Hub.Functions.Hosting;

/// <summary>Creates the Hub's tables, containers and queues at start-up if they are missing.</summary>
internal sealed class StorageInitializer(HubStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
