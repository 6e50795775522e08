using Hub.Core.Storage;

namespace Hub.Functions.Hosting;

/// <summary>
/// Creates the Hub's tables, containers and queues at start-up if they are missing, spreads a resident index written
/// whole over its split (<see cref="HubStorage.SpreadResidentsAsync"/>), and stops the start when the store was written
/// with another split of its large tables (<see cref="HubStorage.FindSplitMismatchAsync"/>).
/// </summary>
/// <remarks>
/// In Azure the infrastructure template creates them and the app's identity may hold only data roles; a refusal
/// (403) then means "already provisioned by the template", not a reason to stop the Hub.
/// </remarks>
internal sealed partial class StorageInitializer(HubStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await storage.EnsureCreatedAsync(cancellationToken))
        {
            LogNotAllowedToCreate(logger);
        }

        if (await storage.SpreadResidentsAsync(cancellationToken) is var spread and > 0)
        {
            LogResidentsSpread(logger, spread);
        }

        if (await storage.FindSplitMismatchAsync(cancellationToken) is { } mismatch)
        {
            throw new InvalidOperationException(mismatch);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Not allowed to create storage tables, containers or queues; using those the infrastructure template created")]
    private static partial void LogNotAllowedToCreate(ILogger logger);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Spread {Rows} rows of the resident index, written whole, over its split tables")]
    private static partial void LogResidentsSpread(ILogger logger, int rows);
}
