using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Feeds;

/// <summary>
/// A held snapshot is confirmed or discarded by a person answerable for the department's register: an officer of that
/// department (<c>Hub.DepartmentOfficer</c> whose <c>department</c> is the source) or an administrator. The feed
/// client's machine identity alone cannot confirm a wipe it sent itself.
/// </summary>
internal static class HeldSnapshotsApi
{
    public const string DeciderPolicy = "SnapshotDecider";

    public static IServiceCollection AddHeldSnapshotsApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(DeciderPolicy, policy => policy.RequirePersonalIdentity([HubRoles.DepartmentOfficer, HubRoles.Administrator]));
        return services;
    }

    public static IEndpointRouteBuilder MapHeldSnapshotsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/feeds/{source}/batches/{batchId}")
            .WithTags("Feeds")
            .RequireAuthorization(DeciderPolicy)
            .AnswerMalformedRouteValues(UnknownBatch)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapPost("/confirm", ConfirmAsync)
            .WithName("ConfirmHeldSnapshot")
            .WithSummary("Confirm a held snapshot: it is applied in full, end-dates included (the department's officers, administrators)")
            .WithDescription("Body: {\"reason\": \"…\"} (1 to 500 characters, kept with the batch). Only a held batch; confirming a confirmed one queues it again.")
            .Produces<BatchReport>(StatusCodes.Status200OK)
            .Audited(AuditedActions.FeedConfirm);

        group.MapPost("/discard", DiscardAsync)
            .WithName("DiscardHeldSnapshot")
            .WithSummary("Discard a held snapshot: nothing of it is applied (the department's officers, administrators)")
            .WithDescription("Body: {\"reason\": \"…\"} (1 to 500 characters, kept with the batch). Only a held batch. The payload stays archived.")
            .Produces<BatchReport>(StatusCodes.Status200OK)
            .Audited(AuditedActions.FeedDiscard);
        return routes;
    }

    internal static Task<Results<Ok<BatchReport>, ProblemHttpResult>> ConfirmAsync(
        BatchDecisionRequest request, SourceId source, BatchId batchId, HttpContext context, SourceCatalog sources, SnapshotDecisions decisions, AuditScope audit, CancellationToken cancellationToken) =>
        DecideAsync(source, batchId, BatchDecisionKind.Confirmed, request, context, sources, decisions, audit, cancellationToken);

    internal static Task<Results<Ok<BatchReport>, ProblemHttpResult>> DiscardAsync(
        BatchDecisionRequest request, SourceId source, BatchId batchId, HttpContext context, SourceCatalog sources, SnapshotDecisions decisions, AuditScope audit, CancellationToken cancellationToken) =>
        DecideAsync(source, batchId, BatchDecisionKind.Discarded, request, context, sources, decisions, audit, cancellationToken);

    // Whichever of the source and the batch is not of its form, the answer is the one for a batch the Hub does not hold.
    private static ProblemHttpResult UnknownBatch(HttpContext context, AuditScope audit)
    {
        audit.Resource = FeedsApi.RouteResource(context);
        return FeedsApi.UnknownBatch();
    }

    private static async Task<Results<Ok<BatchReport>, ProblemHttpResult>> DecideAsync(
        SourceId source, BatchId batchId, BatchDecisionKind kind, BatchDecisionRequest request, HttpContext context, SourceCatalog sources, SnapshotDecisions decisions, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = FeedsApi.AuditResource(source, batchId);
        if (!sources.TryGet(source.Value, out _))
        {
            return FeedsApi.UnknownBatch();
        }

        if (!HubUser.TryRead(context.User, out var user, out _) || (!user.IsInRole(HubRoles.Administrator) && user.Department != source))
        {
            audit.Deny();
            return HubProblems.Forbidden("Not your department's register", "A held snapshot is decided by an officer of its own department or by an administrator.");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > SnapshotDecisions.MaxReasonLength)
        {
            return HubProblems.BadRequest("Reason required", $"Say why in 1 to {SnapshotDecisions.MaxReasonLength} characters; the reason is kept with the batch.");
        }

        var result = await decisions.DecideAsync(source.Value, batchId.Value, kind, context.User.FindFirstValue(HubClaims.Subject) ?? user.Subject, reason, cancellationToken);
        return result.Status switch
        {
            SnapshotDecisionStatus.Done => TypedResults.Ok(BatchReports.From(result.Batch!)),
            SnapshotDecisionStatus.UnknownBatch => FeedsApi.UnknownBatch(),
            _ => HubProblems.Conflict("Batch not held", $"The batch is {result.Batch!.Status.ToString().ToLowerInvariant()}; only a held snapshot is confirmed or discarded."),
        };
    }
}
