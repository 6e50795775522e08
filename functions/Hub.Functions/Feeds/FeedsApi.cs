using Hub.Core.Audit;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Feeds;

/// <summary>
/// Departmental feeds: push a file (the source's feed client only), follow its batch and fetch its rejects (the feed
/// client, an officer of the department, an administrator).
/// </summary>
internal static class FeedsApi
{
    public static string BatchPath(string source, string batchId) => $"/api/feeds/{source}/batches/{batchId}";

    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/feeds/{source}")
            .WithTags("Feeds")
            .RequireAuthorization(AuthenticationExtensions.FeedReaderPolicy)
            .AnswerMalformedRouteValues(UnknownSourceOrBatch)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPost("/", PushFeedAsync)
            .WithName("PushFeed")
            .WithSummary("Push a feed file")
            .WithDescription("Body: CSV (UTF-8, UTF-8 with BOM, or GB18030, with or without a charset parameter), XLSX, a JSON array or NDJSON. " +
                "Query `mode=delta` (default) or `mode=snapshot` (records missing from a snapshot are end-dated, never deleted). " +
                "The body may be sent with Content-Encoding: gzip or br; the limit applies to the decompressed feed. " +
                "The payload is archived before the 202; pushing the same payload again with the same type and charset returns the same batch.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .RequireAuthorization(AuthenticationExtensions.FeedPublisherPolicy)
            .Audited(AuditAction.FeedPush);

        group.MapGet("/batches", ListBatchesAsync)
            .WithName("ListFeedBatches")
            .WithSummary("The source's recent batches, newest first")
            .Audited(AuditedActions.FeedRead);

        group.MapGet("/batches/{batchId}", GetBatchAsync)
            .WithName("GetFeedBatch")
            .WithSummary("Follow a batch: status, counts and the first rejections")
            .Audited(AuditedActions.FeedRead);

        group.MapGet("/batches/{batchId}/rejects", GetRejectsAsync)
            .WithName("GetFeedBatchRejects")
            .WithSummary("The full rejection report as CSV (row, field, reason), safe to open in a spreadsheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status409Conflict)
            .Audited(AuditedActions.FeedRead);

        return routes;
    }

    internal static async Task<Results<Accepted<BatchReport>, ProblemHttpResult>> PushFeedAsync(
        SourceId source,
        [FromQuery] string? mode,
        HttpContext context,
        SourceCatalog sources,
        FeedIntake intake,
        IOptions<FeedProcessingOptions> options,
        AuditScope audit,
        CancellationToken cancellationToken)
    {
        audit.Resource = AuditResource(source);
        if (!sources.TryGet(source.Value, out _))
        {
            return UnknownSource();
        }

        if (!TryParseMode(mode, out var feedMode))
        {
            return HubProblems.BadRequest("Unknown mode", "mode must be 'delta' (the default) or 'snapshot'.");
        }

        var request = context.Request;
        if (!FeedContentType.TryParse(request.ContentType, out var contentType))
        {
            return HubProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the feed as one of: {string.Join(", ", FeedContentType.Supported)}. CSV may declare charset=utf-8 or charset=gb18030.");
        }

        var limit = options.Value.MaxPayloadBytes;
        var submission = new FeedSubmission(source.Value, feedMode, contentType, context.User.Identity?.Name ?? "unknown");
        var (result, problem) = await FeedUpload.AcceptAsync(context, submission, intake, limit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        audit.Resource = $"{Resource(source.Value, result!.Batch?.Id)} mode={feedMode.ToString().ToLowerInvariant()}";
        return result.Outcome switch
        {
            IntakeOutcome.Accepted or IntakeOutcome.Duplicate => TypedResults.Accepted(
                BatchPath(source.Value, result.Batch!.Id),
                BatchReports.From(result.Batch, repeated: result.Outcome == IntakeOutcome.Duplicate)),
            IntakeOutcome.Empty => HubProblems.BadRequest("Empty feed", "The request body is empty; send the feed file as the body."),
            IntakeOutcome.TooLarge => FeedUpload.TooLarge(limit),
            IntakeOutcome.Incomplete => FeedUpload.Incomplete(),
            _ => HubProblems.Of(StatusCodes.Status503ServiceUnavailable, "Try again", "An earlier push of the same file is still being recorded; push again in a moment."),
        };
    }

    internal static async Task<Results<Ok<IReadOnlyList<BatchReport>>, ProblemHttpResult>> ListBatchesAsync(
        [FromQuery] int? top, SourceId source, SourceCatalog sources, BatchStore batches, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = AuditResource(source);
        if (!sources.TryGet(source.Value, out _))
        {
            return UnknownSource();
        }

        var list = await batches.ListAsync(source.Value, Math.Clamp(top ?? 50, 1, 500), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BatchReport>>(list.Select(b => BatchReports.From(b)).ToList());
    }

    internal static async Task<Results<Ok<BatchReport>, ProblemHttpResult>> GetBatchAsync(
        SourceId source, BatchId batchId, SourceCatalog sources, BatchStore batches, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = AuditResource(source, batchId);
        if (!sources.TryGet(source.Value, out _))
        {
            return UnknownSource();
        }

        var batch = await batches.GetAsync(source.Value, batchId.Value, cancellationToken);
        return batch is null ? UnknownBatch() : TypedResults.Ok(BatchReports.From(batch));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetRejectsAsync(
        SourceId source, BatchId batchId, SourceCatalog sources, BatchStore batches, HubStorage storage, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = AuditResource(source, batchId);
        if (!sources.TryGet(source.Value, out _))
        {
            return UnknownSource();
        }

        var batch = await batches.GetAsync(source.Value, batchId.Value, cancellationToken);
        if (batch is null)
        {
            return UnknownBatch();
        }

        if (!batch.IsSettled)
        {
            return HubProblems.Conflict("Batch not finished", $"The batch is {batch.Status.ToString().ToLowerInvariant()}; its rejects report is ready when its rows have been read.");
        }

        var name = FeedProcessor.RejectsBlobName(source.Value, batchId.Value);
        if (!await storage.RejectsFolder.ExistsAsync(name, cancellationToken))
        {
            return HubProblems.NotFound("No rejects report", $"The batch failed before its rows were read: {batch.FailureReason}");
        }

        var stream = await storage.RejectsFolder.OpenReadAsync(name, cancellationToken);
        return TypedResults.File(stream, "text/csv; charset=utf-8", $"{batchId}-rejects.csv");
    }

    internal static string AuditResource(SourceId source, BatchId? batchId = null) => Resource(source.Value, batchId?.Value);

    // A source id or batch id not of its form names nothing the Hub holds, so it is answered as an unknown one (the
    // source first, as the handlers check it), and only a well-formed value goes into the audit trail.
    internal static ProblemHttpResult UnknownSourceOrBatch(HttpContext context, AuditScope audit)
    {
        var source = context.GetRouteValue("source") as string;
        audit.Resource = RouteResource(context);
        return source is not null && context.RequestServices.GetRequiredService<SourceCatalog>().TryGet(source, out _) ? UnknownBatch() : UnknownSource();
    }

    // The audit resource of a request whose route values were not all well-formed: a malformed one is written "?".
    internal static string RouteResource(HttpContext context) => Resource(
        SourceId.TryParse(context.GetRouteValue("source") as string, out var source) ? source.Value.Value : "?",
        context.GetRouteValue("batchId") is string batchId ? (BatchId.TryParse(batchId, out var id) ? id.Value : "?") : null);

    private static string Resource(string source, string? batchId) =>
        $"source={source}{(batchId is null ? string.Empty : $" batch={batchId}")}";

    internal static bool TryParseMode(string? mode, out FeedMode feedMode)
    {
        feedMode = FeedMode.Delta;
        return string.IsNullOrEmpty(mode) || (Enum.TryParse(mode, ignoreCase: true, out feedMode) && Enum.IsDefined(feedMode));
    }

    // Route text is the caller's and is never echoed.
    internal static ProblemHttpResult UnknownSource() =>
        HubProblems.NotFound("Unknown source", "No such source is configured; GET /api/sources lists them.");

    internal static ProblemHttpResult UnknownBatch() =>
        HubProblems.NotFound("Unknown batch", "The source has no such batch.");
}
