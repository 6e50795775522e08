using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Audit;

/// <summary>
/// The audit trail, for auditors (role <c>Hub.Auditor</c>): verify that a range of days is intact, search and
/// export the events, report who looked at a person, follow alerts. Every route hangs off this one group, so none
/// can forget the auditor policy, and none deletes or changes an event: auditors read the trail, and the trail
/// answers with person keys, never the people's data. Their own reads are audited too (<c>audit.read</c>).
/// </summary>
internal static class AuditApi
{
    public const string AuditorPolicy = "Auditor";

    private const int MaxVerifiedDays = 366;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit")
            .WithTags("Audit")
            .RequireAuthorization(AuditorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verify the audit chain and its checkpoints over a range of days (auditors)")
            .WithDescription("Body: {\"from\": \"2025-03-01\", \"to\": \"2025-03-31\"} (UTC days, inclusive, at most 366). The answer names the first event edited, removed, inserted or reordered, or none.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/events", SearchEventsAsync)
            .WithName("SearchAuditEvents")
            .WithSummary("Search audit events by time and filters, oldest first, paged (auditors)")
            .WithDescription("from and to (ISO 8601) are required; user, personKey, division (a prefix), purpose, outcome (allowed, denied, failed) and breakGlass filter; continuation pages on.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapAuditExport();
        group.MapAuditPersonAccesses();
        group.MapAuditAlerts();
        group.MapAuditProofs();
        return routes;
    }

    public static IServiceCollection AddAuditApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(AuditorPolicy, policy => policy.RequireRole(HubRoles.Auditor));
        return services;
    }

    internal static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        AuditVerifyRequest request, AuditVerifier verifier, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.To < request.From || request.To.DayNumber - request.From.DayNumber >= MaxVerifiedDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid range", detail: $"'to' must not be before 'from', and a range holds at most {MaxVerifiedDays} days.");
        }

        var verification = await verifier.VerifyAsync(request.From, request.To, cancellationToken);
        await audit.AppendAsync(AuditorEvent(context, $"verify {request.From:yyyy-MM-dd}..{request.To:yyyy-MM-dd}", recordCount: 0), cancellationToken);
        return TypedResults.Ok(verification);
    }

    internal static async Task<Results<Ok<AuditEventsPage>, ProblemHttpResult>> SearchEventsAsync(
        [AsParameters] AuditSearchParameters filters,
        [FromQuery] int? pageSize,
        [FromQuery] string? continuation,
        AuditSearch search,
        AuditLog audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (filters.TryBuild(out var query) is { } problem)
        {
            return problem;
        }

        AuditPage page;
        try
        {
            page = await search.SearchAsync(query, continuation, Math.Clamp(pageSize ?? 100, 1, AuditSearch.MaxPageSize), cancellationToken);
        }
        catch (ArgumentException)
        {
            return BadQuery("'continuation' is not one this search gave.");
        }

        await audit.AppendAsync(AuditorEvent(context, "search", page.Events.Count) with { PersonKeys = query.PersonKey is { } p ? [p] : [] }, cancellationToken);
        return TypedResults.Ok(new AuditEventsPage(page.Events.Select(AuditEventView.From).ToList(), page.ContinuationToken));
    }

    /// <summary>The event that records an auditor's own look at the trail (<c>audit.read</c>).</summary>
    internal static AuditEvent AuditorEvent(HttpContext context, string resource, int recordCount) => new()
    {
        Actor = new AuditActor(
            context.User.FindFirstValue("oid") ?? context.User.FindFirstValue("sub") ?? "unknown",
            HubRoles.Auditor,
            context.User.FindFirstValue(HubClaims.Division),
            ClientApplicationId: context.User.FindFirstValue("azp") ?? context.User.FindFirstValue("appid"),
            ClientAddress: context.Connection.RemoteIpAddress?.ToString()),
        Action = AuditAction.AuditRead,
        Resource = resource,
        Outcome = AuditOutcome.Allowed,
        RecordCount = recordCount,
        CorrelationId = context.TraceIdentifier,
    };

    internal static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid audit query", detail: detail);
}
