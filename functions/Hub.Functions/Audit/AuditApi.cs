using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Core.Identity.Rotation;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Hosting;
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
            .Audited(AuditAction.AuditRead);

        group.MapPost("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verify the audit chain and its checkpoints over a range of days (auditors)")
            .WithDescription("Body: {\"from\": \"2025-03-01\", \"to\": \"2025-03-31\"} (UTC days, inclusive, at most 366). The answer names the first event edited, removed, inserted or reordered, or none.")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/events", SearchEventsAsync)
            .WithName("SearchAuditEvents")
            .WithSummary("Search audit events by time and filters, oldest first, paged (auditors)")
            .WithDescription("from and to (ISO 8601) are required; user, personKey, division (a prefix), purpose, outcome (allowed, denied, failed) and breakGlass filter; continuation pages on. " +
                "personKey finds the person's events under every key they had, before and after a pepper rotation, whichever is given: the older key's events first, each as it was written.")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapAuditExport();
        group.MapAuditPersonAccesses();
        group.MapAuditAlerts();
        group.MapAuditProofs();
        return routes;
    }

    public static IServiceCollection AddAuditApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(AuditorPolicy, policy => policy.RequirePersonalIdentity([HubRoles.Auditor]));
        return services;
    }

    internal static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        AuditVerifyRequest request, AuditVerifier verifier, AuditScope audit, CancellationToken cancellationToken)
    {
        if (request.From is not { } from || request.To is not { } to || to < from || to.DayNumber - from.DayNumber >= MaxVerifiedDays)
        {
            return HubProblems.BadRequest("Invalid range", $"'from' and 'to' are required days (YYYY-MM-DD); 'to' must not be before 'from', and a range holds at most {MaxVerifiedDays} days.");
        }

        audit.Resource = $"verify {from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
        audit.RecordCount = 0;
        return TypedResults.Ok(await verifier.VerifyAsync(from, to, cancellationToken));
    }

    internal static async Task<Results<Ok<AuditEventsPage>, ProblemHttpResult>> SearchEventsAsync(
        [AsParameters] AuditSearchParameters filters,
        [FromQuery] int? pageSize,
        [FromQuery] string? continuation,
        AuditSearch search,
        PersonKeyRotation rotation,
        DivisionDirectory divisions,
        AuditScope audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        audit.Resource = "search";
        if (filters.TryBuild(out var asked) is { } problem)
        {
            return problem;
        }

        if (!AuditorScope.Of(context).TryNarrow(asked, out var query))
        {
            return AuditorScope.OutsideScope();
        }

        if (query.PersonKey is { } person)
        {
            audit.Touch(person);
            query = query with { PersonKeys = await rotation.KeysOfPersonAsync(person, cancellationToken) };
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

        audit.RecordCount = page.Events.Count;
        return TypedResults.Ok(new AuditEventsPage(page.Events.Select(e => AuditEventView.From(e, divisions.Registry)).ToList(), page.ContinuationToken));
    }

    internal static ProblemHttpResult BadQuery(string detail) =>
        HubProblems.BadRequest("Invalid audit query", detail);
}
