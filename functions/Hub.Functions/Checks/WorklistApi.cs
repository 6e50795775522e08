using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Checks;
using Hub.Core.Reads;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Hub.Functions.Persons;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Checks;

/// <summary>
/// The cross-department checks' worklist (比对核查): a department's officers see their department's items, street,
/// community and grid workers and district officers those of people in their jurisdiction by residence or
/// registration; the owner's officers and the area's officers confirm or dismiss them. Items are rendered by the access
/// policy like a person read; an item outside the caller's reach is "not found" and audited as denied.
/// </summary>
internal static class WorklistApi
{
    public const string WorklistPolicy = "WorklistReader";

    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public const int MaxReasonLength = 500;

    // The most index rows one request reads: a rare rule over a city is answered in shorter pages, not one long scan.
    private const int ScanLimit = 2000;

    private static readonly string[] Readers = [HubRoles.GridWorker, HubRoles.CommunityWorker, HubRoles.StreetOfficer, HubRoles.DistrictOfficer, HubRoles.DepartmentOfficer];

    public static IServiceCollection AddWorklistApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(WorklistPolicy, policy => policy.RequirePersonalIdentity(Readers));
        return services;
    }

    public static IEndpointRouteBuilder MapWorklistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/worklist")
            .WithTags("Worklist")
            .RequireAuthorization(WorklistPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        group.MapGet("/", ListAsync)
            .WithName("ListWorklist")
            .WithSummary("The caller's worklist of cross-department checks, paged, each item rendered for the caller")
            .WithDescription("Department officers see their department's items, street, community and grid workers and district officers those of people " +
                "whose residence or registration lies in their jurisdiction. status (open, confirmed, dismissed, resolved; every status when absent), " +
                $"rule (a check id), purpose, pageSize (1-{MaxPageSize}, default {DefaultPageSize}), continuationToken (from the previous page; null on the last).")
            .Produces<WorklistPageView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .Audited(AuditedActions.WorklistRead);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetWorklistItem")
            .WithSummary("A worklist item with its evidence and history, rendered for the caller")
            .WithDescription("An item of another department, or of a person outside the caller's jurisdiction, is 404 like an unknown one.")
            .Produces<RenderedWorklistItem>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditedActions.WorklistRead);

        group.MapPost("/{id}/decision", DecideAsync)
            .WithName("DecideWorklistItem")
            .WithSummary("Confirm or dismiss an open worklist item (the owner's officers, street and district officers, community workers)")
            .WithDescription($"Body: {{\"status\": \"confirmed\", \"reason\": \"…\"}}; status confirmed or dismissed, reason 1 to {MaxReasonLength} characters " +
                "(required to dismiss), kept in the item's history with who and when. An item already decided or resolved is 409.")
            .Produces<RenderedWorklistItem>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditedActions.WorklistDecision);
        return routes;
    }

    internal static async Task<Results<Ok<WorklistPageView>, ProblemHttpResult>> ListAsync(
        [AsParameters] WorklistListRequest list, HttpContext context, AuditScope audit, PersonDisclosure reads, WorklistReads worklistReads, Worklist worklist, ContinuationTokens tokens, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, list.Purpose, audit, out var viewer, out var problem))
        {
            return problem;
        }

        WorklistStatus? status = null;
        if (list.Status is not null)
        {
            if (!WorklistStatusText.TryParse(list.Status, out var parsed))
            {
                return Bad("'status' is open, confirmed, dismissed or resolved.");
            }

            status = parsed;
        }

        if (list.Rule is not null && worklistReads.Checks.Find(list.Rule) is null)
        {
            return Bad($"'rule' is one of the checks: {string.Join(", ", worklistReads.Checks.Checks.Select(c => c.Id))}.");
        }

        var pageSize = list.PageSize ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Bad($"'pageSize' is 1 to {MaxPageSize}.");
        }

        var scope = WorklistReads.ScopeOf(viewer);
        var binding = $"worklist\n{list.Status}\n{list.Rule}\n{scope.Department}\n{scope.Division}";
        WorklistPosition? after = null;
        if (list.ContinuationToken is not null)
        {
            if (!tokens.TryRead(list.ContinuationToken, viewer.User.Subject, binding, out var position))
            {
                return Bad("The continuation token is not one the Hub issued for this user and these filters, or it is more than an hour old; start again from the first page.");
            }

            after = new WorklistPosition(position.PartitionKey, position.RowKey);
        }

        var page = await worklist.ListAsync(
            scope,
            status,
            item => WorklistReads.Covers(viewer, item) && (list.Rule is null || item.Rule == list.Rule),
            after,
            pageSize,
            ScanLimit,
            cancellationToken);
        var read = worklistReads.Render(viewer, page.Items);
        audit.Record(read.Disclosed);
        var next = page.Next is { } n ? tokens.Issue(new ResidentListPosition(n.PartitionKey, n.RowKey), viewer.User.Subject, binding) : null;
        return TypedResults.Ok(new WorklistPageView(read.Value ?? [], next));
    }

    internal static async Task<Results<Ok<RenderedWorklistItem>, ProblemHttpResult>> GetAsync(
        string id, [FromQuery] string? purpose, HttpContext context, AuditScope audit, PersonDisclosure reads, WorklistReads worklistReads, Worklist worklist, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, purpose, audit, out var viewer, out var problem))
        {
            return problem;
        }

        var item = await worklist.GetAsync(id, cancellationToken);
        return Answer(item, viewer, audit, worklistReads);
    }

    internal static async Task<Results<Ok<RenderedWorklistItem>, ProblemHttpResult>> DecideAsync(
        string id, WorklistDecisionRequest decision, HttpContext context, AuditScope audit, PersonDisclosure reads, WorklistReads worklistReads, Worklist worklist, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, purpose: null, audit, out var viewer, out var problem))
        {
            return problem;
        }

        if (!WorklistStatusText.TryParse(decision.Status, out var status) || status is not (WorklistStatus.Confirmed or WorklistStatus.Dismissed))
        {
            return Bad("'status' is confirmed or dismissed.");
        }

        var reason = decision.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) ? status == WorklistStatus.Dismissed : reason.Length > MaxReasonLength)
        {
            return Bad($"Say why in 1 to {MaxReasonLength} characters (a dismissal needs a reason); it is kept in the item's history.");
        }

        var item = await worklist.GetAsync(id, cancellationToken);
        if (item is null || !WorklistReads.Covers(viewer, item))
        {
            return Answer(item, viewer, audit, worklistReads);
        }

        if (!WorklistReads.MayDecide(viewer))
        {
            audit.Deny(item.PersonKey);
            return HubProblems.Forbidden("Not a decider", "Worklist items are decided by the owning department's officers, street and district officers and community workers.");
        }

        var (outcome, decided) = await worklist.DecideAsync(item.Id, status, string.IsNullOrEmpty(reason) ? null : reason, viewer.User.Subject, cancellationToken);
        return outcome switch
        {
            WorklistDecisionOutcome.Decided => Answer(decided, viewer, audit, worklistReads),
            WorklistDecisionOutcome.Unknown => Answer(null, viewer, audit, worklistReads),
            _ => Closed(decided!, audit),
        };
    }

    // An item outside the caller's reach is answered as one the Hub does not hold, and audited as denied.
    private static Results<Ok<RenderedWorklistItem>, ProblemHttpResult> Answer(WorklistItem? item, PersonViewer viewer, AuditScope audit, WorklistReads worklistReads)
    {
        if (item is null)
        {
            return NotFound();
        }

        if (!WorklistReads.Covers(viewer, item))
        {
            audit.Record(WorklistReads.Denied(item).Disclosed);
            return NotFound();
        }

        var read = worklistReads.Render(viewer, [item]);
        audit.Record(read.Disclosed);
        return TypedResults.Ok(read.Value![0]);
    }

    private static ProblemHttpResult Closed(WorklistItem item, AuditScope audit)
    {
        audit.Touch(item.PersonKey);
        return HubProblems.Conflict("Item not open", $"The item is {WorklistStatusText.Of(item.Status)}; only an open item is confirmed or dismissed.");
    }

    private static ProblemHttpResult NotFound() =>
        HubProblems.NotFound("Unknown worklist item", "No such worklist item in your reach.");

    private static ProblemHttpResult Bad(string detail) => HubProblems.BadRequest("Invalid worklist request", detail);
}
