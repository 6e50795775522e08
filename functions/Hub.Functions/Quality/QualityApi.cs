using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Quality;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Feeds;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Quality;

/// <summary>
/// Data quality per department (<c>/api/quality</c>): the figures each batch recorded when it completed, read back as a
/// department's latest figures, timeliness, review backlog and trend, a batch's movement, and a CSV export. Counts and
/// rates only, never a person; who reads which department is the access policy's <c>dataQuality</c>.
/// </summary>
internal static class QualityApi
{
    private const int DefaultTrend = 30;

    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/quality")
            .WithTags("Data quality")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status403Forbidden);

        group.MapGet("/", GetCityAsync)
            .WithName("GetDataQuality")
            .WithSummary("Data quality of every department the caller may read (their own, or the city's)")
            .WithDescription("Query `top` (1–500, default 30): how many completed batches each trend reaches back over.")
            .Audited(AuditedActions.QualityRead);

        group.MapGet("/export", ExportAsync)
            .WithName("ExportDataQuality")
            .WithSummary("The figures of each completed batch as CSV, one figure a row")
            .WithDescription("Columns source, batch, received_at, mode, figure, subject, other_source, count, total, rate; " +
                "query `source` for one department and `top` (default 30) for how many batches each. UTF-8 with BOM; cells that begin with =, +, - or @ are neutralised.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .Audited(AuditedActions.QualityRead);

        group.MapGet("/{source}", GetSourceAsync)
            .WithName("GetSourceDataQuality")
            .WithSummary("One department's data quality: latest figures, timeliness, review backlog, trend")
            .AnswerMalformedRouteValues(FeedsApi.UnknownSourceOrBatch)
            .ProducesProblems(StatusCodes.Status404NotFound)
            .Audited(AuditedActions.QualityRead);

        group.MapGet("/{source}/batches/{batchId}", GetBatchAsync)
            .WithName("GetBatchDataQuality")
            .WithSummary("A batch's figures and how it moved its department's from the previous batch")
            .AnswerMalformedRouteValues(FeedsApi.UnknownSourceOrBatch)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditedActions.QualityRead);
        return routes;
    }

    internal static async Task<Results<Ok<CityQuality>, ProblemHttpResult>> GetCityAsync(
        [FromQuery] int? top, HttpContext context, SourceCatalog sources, AccessPolicy policy, DataQuality quality, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = "quality";
        var visible = QualityReaders.Visible(context.User, sources, policy.DataQuality);
        if (visible.Count == 0)
        {
            return NotAllowed();
        }

        audit.Resource = $"quality sources={string.Join(',', visible.Select(s => s.Id))}";
        var all = await quality.ForSourcesAsync(visible, top ?? DefaultTrend, cancellationToken);
        return TypedResults.Ok(new CityQuality(all));
    }

    internal static async Task<Results<Ok<SourceQuality>, ProblemHttpResult>> GetSourceAsync(
        SourceId source, [FromQuery] int? top, HttpContext context, SourceCatalog sources, AccessPolicy policy, DataQuality quality, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = $"quality source={source}";
        if (Refusal(source.Value, context, sources, policy) is { } refusal)
        {
            return refusal;
        }

        sources.TryGet(source.Value, out var mapping);
        return TypedResults.Ok(await quality.ForSourceAsync(mapping!, top ?? DefaultTrend, cancellationToken));
    }

    internal static async Task<Results<Ok<BatchQualityReport>, ProblemHttpResult>> GetBatchAsync(
        SourceId source, BatchId batchId, HttpContext context, SourceCatalog sources, AccessPolicy policy, DataQuality quality, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = $"quality source={source} batch={batchId}";
        if (Refusal(source.Value, context, sources, policy) is { } refusal)
        {
            return refusal;
        }

        sources.TryGet(source.Value, out var mapping);
        var (report, batch) = await quality.ForBatchAsync(mapping!, batchId.Value, cancellationToken);
        if (report is not null)
        {
            return TypedResults.Ok(report);
        }

        return DataQuality.BatchNotCompleted(batch)
            ? HubProblems.Conflict("Batch not completed", $"The batch is {batch!.Status.ToString().ToLowerInvariant()}; its figures are recorded when it completes.")
            : FeedsApi.UnknownBatch();
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        [FromQuery] string? source, [FromQuery] int? top, HttpContext context, SourceCatalog sources, AccessPolicy policy, DataQuality quality, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = "quality export";
        IReadOnlyList<SourceMapping> chosen;
        if (source is not null)
        {
            if (!SourceId.TryParse(source, out var id))
            {
                return UnknownSource();
            }

            audit.Resource = $"quality export source={id}";
            if (Refusal(id.Value.Value, context, sources, policy) is { } refusal)
            {
                return refusal;
            }

            sources.TryGet(id.Value.Value, out var mapping);
            chosen = [mapping!];
        }
        else
        {
            chosen = QualityReaders.Visible(context.User, sources, policy.DataQuality);
            if (chosen.Count == 0)
            {
                return NotAllowed();
            }

            audit.Resource = $"quality export sources={string.Join(',', chosen.Select(s => s.Id))}";
        }

        // Read whole before the first byte leaves, so a storage failure is a problem answer, not a cut-off file.
        var rows = new List<(string, QualityFigures)>();
        foreach (var mapping in chosen)
        {
            var figures = await quality.FiguresAsync(mapping, top ?? DefaultTrend, cancellationToken);
            rows.AddRange(figures.Select(f => (mapping.Id, f)));
        }

        audit.RecordCount = rows.Count;
        return TypedResults.Stream(stream => QualityCsv.WriteAsync(rows, stream), QualityCsv.ContentType, "data-quality.csv");
    }

    // An unknown source is 404 for everyone; a known one the caller may not read is 403, as on the feed routes.
    private static ProblemHttpResult? Refusal(string source, HttpContext context, SourceCatalog sources, AccessPolicy policy)
    {
        if (!sources.TryGet(source, out _))
        {
            return UnknownSource();
        }

        return QualityReaders.MaySee(context.User, source, policy.DataQuality)
            ? null
            : HubProblems.Forbidden("Not your department", "Data quality is read by the department's feed client and officers, and by administrators for the city.");
    }

    private static ProblemHttpResult NotAllowed() =>
        HubProblems.Forbidden("No department to read", "Data quality is read by a department's feed client and officers (their department), and by administrators (the city).");

    private static ProblemHttpResult UnknownSource() =>
        HubProblems.NotFound("Unknown source", "No such source is configured; GET /api/sources lists them.");
}
