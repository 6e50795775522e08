using Hub.Core.Divisions;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Divisions;

/// <summary>
/// Reads the division registry in force at start (before the first request is served) and then every
/// <see cref="DivisionRegistryOptions.RefreshInterval"/>, so that a version another instance loaded reaches this one.
/// </summary>
internal sealed partial class DivisionRegistryRefresh(DivisionDirectory directory, IOptions<DivisionRegistryOptions> options, ILogger<DivisionRegistryRefresh> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await directory.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, out var status))
            {
                LogRefreshFailed(logger, status);
            }
        }
    }

    [LoggerMessage(EventId = 6403, Level = LogLevel.Warning, Message = "Reading the division registry in force failed ({Status}); the registry held stays in force")]
    private static partial void LogRefreshFailed(ILogger logger, int status);
}
