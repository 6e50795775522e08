using Hub.Core.Audit;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Feeds;

/// <summary>
/// Large feeds bypass the HTTP body (which the Functions host caps at 100 MB): the source's feed client asks for a
/// write-only URL, uploads the file to blob storage there, then asks the Hub to take it. Taking it runs the push's own
/// intake on the uploaded file, so the batch, its idempotency, archive and reports are a push's.
/// </summary>
internal static class FeedUploadsApi
{
    private static readonly IReadOnlyDictionary<string, string> UploadHeaders = new Dictionary<string, string>(StringComparer.Ordinal) { ["x-ms-blob-type"] = "BlockBlob" };

    public static string UploadPath(string source, UploadId id) => $"/api/feeds/{source}/uploads/{id}";

    public static string BatchesPath(string source, UploadId id) => UploadPath(source, id) + "/batches";

    public static IEndpointRouteBuilder MapFeedUploadsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/feeds/{source}/uploads")
            .WithTags("Feeds")
            .RequireAuthorization(AuthenticationExtensions.FeedPublisherPolicy)
            .AnswerMalformedRouteValues(UnknownSourceOrUpload)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/", RequestUploadAsync)
            .WithName("RequestFeedUpload")
            .WithSummary("Ask for a write-only URL to upload a large feed file to")
            .WithDescription("Body: {\"contentType\": \"text/csv; charset=gb18030\", \"mode\": \"delta\" | \"snapshot\", \"contentEncoding\": \"gzip\" | \"br\" (optional), \"length\": bytes (optional)}. " +
                "The answer's uploadUrl may create and write one file until expiresAt (Hub:Feeds:UploadUrlLifetime) and nothing else: PUT the file there with x-ms-blob-type: BlockBlob, " +
                "or upload it in blocks, then POST to the answer's batches route.")
            .Produces<UploadAnswer>(StatusCodes.Status201Created)
            .Audited(AuditedActions.FeedUpload);

        group.MapGet("/{uploadId}", GetUploadAsync)
            .WithName("GetFeedUpload")
            .WithSummary("Where an upload stands: declared type and mode, expiry, the uploaded file's length, the batch it became")
            .Produces<UploadState>(StatusCodes.Status200OK)
            .Audited(AuditedActions.FeedRead);

        group.MapPost("/{uploadId}/batches", TakeUploadAsync)
            .WithName("TakeFeedUpload")
            .WithSummary("Take an uploaded feed file as a batch")
            .WithDescription("The file is archived and queued as a push's body is, and answered as a push: the same payload again (or this call again) returns the same batch. " +
                "409 while the file is not uploaded yet, 410 when its URL expired before it was.")
            .Produces<BatchReport>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status410Gone, StatusCodes.Status503ServiceUnavailable)
            .Audited(AuditAction.FeedPush);

        return routes;
    }

    internal static async Task<Results<Created<UploadAnswer>, ProblemHttpResult>> RequestUploadAsync(
        UploadRequest request,
        SourceId source,
        HttpContext context,
        SourceCatalog sources,
        FeedUploads uploads,
        IOptions<FeedProcessingOptions> options,
        AuditScope audit,
        CancellationToken cancellationToken)
    {
        audit.Resource = FeedsApi.AuditResource(source);
        if (!sources.TryGet(source.Value, out _))
        {
            return FeedsApi.UnknownSource();
        }

        if (!FeedContentType.TryParse(request.ContentType, out var contentType))
        {
            return HubProblems.BadRequest("Unsupported content type", $"contentType must be one of: {string.Join(", ", FeedContentType.Supported)}. CSV may declare charset=utf-8 or charset=gb18030.");
        }

        if (!FeedsApi.TryParseMode(request.Mode, out var mode))
        {
            return HubProblems.BadRequest("Unknown mode", "mode must be 'delta' (the default) or 'snapshot'.");
        }

        var encoding = request.ContentEncoding?.Trim().ToLowerInvariant() switch
        {
            null or "" or "identity" => string.Empty,
            "gzip" or "x-gzip" => "gzip",
            "br" => "br",
            _ => null,
        };
        if (encoding is null)
        {
            return HubProblems.BadRequest("Unsupported content encoding", "contentEncoding must be gzip or br, or left out for a file uploaded uncompressed.");
        }

        var limit = options.Value.MaxPayloadBytes;
        if (request.Length is < 0)
        {
            return HubProblems.BadRequest("Invalid length", "length is the file's size in bytes, when given.");
        }

        if (encoding.Length == 0 && request.Length > limit)
        {
            return FeedUpload.TooLarge(limit);
        }

        var submission = new FeedSubmission(source.Value, mode, contentType, context.User.Identity?.Name ?? "unknown");
        var grant = await uploads.GrantAsync(submission, encoding.Length == 0 ? null : encoding, cancellationToken);
        var ticket = grant.Ticket;
        audit.Resource = Resource(source, ticket.Id);
        return TypedResults.Created(
            UploadPath(source.Value, ticket.Id),
            new UploadAnswer(ticket.Id.Value, grant.Url, ticket.ExpiresAt, UploadHeaders, BatchesPath(source.Value, ticket.Id), limit));
    }

    internal static async Task<Results<Ok<UploadState>, ProblemHttpResult>> GetUploadAsync(
        SourceId source, UploadId uploadId, SourceCatalog sources, FeedUploads uploads, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = Resource(source, uploadId);
        if (!sources.TryGet(source.Value, out _))
        {
            return FeedsApi.UnknownSource();
        }

        var ticket = await uploads.FindAsync(source.Value, uploadId, cancellationToken);
        if (ticket is null)
        {
            return UnknownUpload();
        }

        var length = ticket.BatchId is null ? await uploads.UploadedLengthAsync(ticket, cancellationToken) : null;
        return TypedResults.Ok(new UploadState(
            ticket.Id.Value, ticket.Mode, ticket.ContentType.ToString(), ticket.ContentEncoding, ticket.ExpiresAt, length, ticket.BatchId, BatchesPath(source.Value, ticket.Id)));
    }

    internal static async Task<Results<Accepted<BatchReport>, ProblemHttpResult>> TakeUploadAsync(
        SourceId source,
        UploadId uploadId,
        SourceCatalog sources,
        FeedUploads uploads,
        FeedIntake intake,
        BatchStore batches,
        IOptions<FeedProcessingOptions> options,
        AuditScope audit,
        CancellationToken cancellationToken)
    {
        audit.Resource = Resource(source, uploadId);
        if (!sources.TryGet(source.Value, out _))
        {
            return FeedsApi.UnknownSource();
        }

        var ticket = await uploads.FindAsync(source.Value, uploadId, cancellationToken);
        if (ticket is null)
        {
            return UnknownUpload();
        }

        if (ticket.BatchId is { } taken && await batches.GetAsync(source.Value, taken, cancellationToken) is { } earlier)
        {
            audit.Resource = Resource(source, uploadId, earlier.Id, earlier.Mode);
            return TypedResults.Accepted(FeedsApi.BatchPath(source.Value, earlier.Id), BatchReports.From(earlier, repeated: true));
        }

        var length = await uploads.UploadedLengthAsync(ticket, cancellationToken);
        if (length is null)
        {
            return uploads.HasExpired(ticket)
                ? HubProblems.Of(StatusCodes.Status410Gone, "Upload URL expired", "Nothing was uploaded before the URL expired; ask for a new upload URL and upload the file again.")
                : HubProblems.Conflict("Not uploaded yet", "The file is not uploaded yet (or its block list is not committed); upload it to the URL, then ask again.");
        }

        var limit = options.Value.MaxPayloadBytes;
        var decode = ticket.ContentEncoding is not null;
        if (!decode && length > limit)
        {
            return FeedUpload.TooLarge(limit);
        }

        var submission = new FeedSubmission(source.Value, ticket.Mode, ticket.ContentType, ticket.RequestedBy, decode ? null : length);
        var result = await AcceptAsync(ticket, submission, uploads, intake, cancellationToken);
        if (result is null)
        {
            return HubProblems.BadRequest("Corrupt compressed feed", $"The uploaded file is not valid {ticket.ContentEncoding} data. Nothing was stored; upload it again under a new upload URL.");
        }

        if (result.Batch is { } batch)
        {
            audit.Resource = Resource(source, uploadId, batch.Id, ticket.Mode);
        }

        switch (result.Outcome)
        {
            case IntakeOutcome.Accepted or IntakeOutcome.Duplicate:
                await uploads.RecordTakenAsync(ticket, result.Batch!.Id, cancellationToken);
                return TypedResults.Accepted(FeedsApi.BatchPath(source.Value, result.Batch.Id), BatchReports.From(result.Batch, repeated: result.Outcome == IntakeOutcome.Duplicate));
            case IntakeOutcome.Empty:
                return HubProblems.BadRequest("Empty feed", "The uploaded file is empty; upload the feed file again.");
            case IntakeOutcome.TooLarge:
                return FeedUpload.TooLarge(limit);
            case IntakeOutcome.Incomplete:
                return HubProblems.Conflict("Upload changed", "The uploaded file changed while the Hub read it; nothing was stored. Ask again once it is uploaded.");
            default:
                return HubProblems.Of(StatusCodes.Status503ServiceUnavailable, "Try again", "An earlier push of the same file is still being recorded; ask again in a moment.");
        }
    }

    // Null when a compressed upload is not valid data of its encoding.
    private static async Task<IntakeResult?> AcceptAsync(UploadTicket ticket, FeedSubmission submission, FeedUploads uploads, FeedIntake intake, CancellationToken cancellationToken)
    {
        var file = await uploads.OpenReadAsync(ticket, cancellationToken);
        await using (file)
        {
            var body = ticket.ContentEncoding switch
            {
                "gzip" => new GzipRequestBody(file),
                "br" => new BrotliRequestBody(file),
                _ => file,
            };
            try
            {
                return await intake.AcceptAsync(submission, body, cancellationToken);
            }
            catch (InvalidDataException) when (ticket.ContentEncoding is not null)
            {
                return null;
            }
            finally
            {
                if (!ReferenceEquals(body, file))
                {
                    await body.DisposeAsync();
                }
            }
        }
    }

    // A source id or upload id not of its form names nothing the Hub holds: answered as an unknown one, the source first.
    private static ProblemHttpResult UnknownSourceOrUpload(HttpContext context, AuditScope audit)
    {
        var source = context.GetRouteValue("source") as string;
        var upload = context.GetRouteValue("uploadId") as string;
        audit.Resource = FeedsApi.RouteResource(context) + (upload is null ? string.Empty : $" upload={(UploadId.TryParse(upload, out var id) ? id.Value : "?")}");
        return source is not null && context.RequestServices.GetRequiredService<SourceCatalog>().TryGet(source, out _) ? UnknownUpload() : FeedsApi.UnknownSource();
    }

    private static string Resource(SourceId source, UploadId upload, string? batchId = null, FeedMode? mode = null) =>
        $"{FeedsApi.AuditResource(source)} upload={upload}{(batchId is null ? string.Empty : $" batch={batchId}")}{(mode is null ? string.Empty : $" mode={mode.Value.ToString().ToLowerInvariant()}")}";

    internal static ProblemHttpResult UnknownUpload() =>
        HubProblems.NotFound("Unknown upload", "The source has no such upload; ask for an upload URL with POST /api/feeds/{source}/uploads.");
}
