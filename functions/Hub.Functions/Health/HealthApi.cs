using Hub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Health;

/// <summary>Liveness and storage reachability, without authentication and without personal data.</summary>
internal static partial class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", GetHealthAsync)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Whether the Hub can reach its tables, blobs and queues")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return routes;
    }

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(HubStorage storage, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(HealthApi));
        var tables = ProbeAsync("tables", () => storage.BatchesTable.ExistsAsync("health", "probe", cancellationToken), logger);
        var blobs = ProbeAsync("blobs", () => storage.FeedArchiveFolder.ExistsAsync(cancellationToken), logger);
        var queues = ProbeAsync("queues", () => storage.FeedBatches.ExistsAsync(cancellationToken), logger);
        var report = new HealthReport(await tables, await blobs, await queues);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> ProbeAsync(string service, Func<Task> probe, ILogger logger)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await probe().WaitAsync(timeout.Token);
            return "reachable";
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, out _) || ex is OperationCanceledException or TimeoutException or HttpRequestException)
        {
            LogUnreachable(logger, service, ex.GetType().Name);
            return "unreachable";
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Health probe: {Service} unreachable ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string service, string error);
}
