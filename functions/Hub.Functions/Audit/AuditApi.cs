using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Audit;

/// <summary>
/// The audit trail, for auditors (role <c>Hub.Auditor</c>): verify that a range of days is intact and search the
/// events. Auditors see the trail, not the people; their own searches are audited too.
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
        [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to,
        [FromQuery] string? user,
        [FromQuery] string? personKey,
        [FromQuery] string? division,
        [FromQuery] string? purpose,
        [FromQuery] string? outcome,
        [FromQuery] bool? breakGlass,
        [FromQuery] int? pageSize,
        [FromQuery] string? continuation,
        AuditSearch search,
        AuditLog audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (from is null || to is null || to < from)
        {
            return BadQuery("'from' and 'to' are required, and 'to' must not be before 'from'.");
        }

        PersonKey? person = null;
        if (personKey is not null)
        {
            person = PersonKey.TryParse(personKey, out var key) ? key : null;
            if (person is null)
            {
                return BadQuery("'personKey' is 32 lower-case hex characters.");
            }
        }

        AuditOutcome? wanted = outcome is null ? null : Enum.TryParse<AuditOutcome>(outcome, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : default(AuditOutcome?);
        if (outcome is not null && wanted is null)
        {
            return BadQuery("'outcome' is allowed, denied or failed.");
        }

        var query = new AuditQuery
        {
            From = from.Value,
            To = to.Value,
            UserId = user,
            PersonKey = person,
            DivisionPrefix = division,
            Purpose = purpose,
            Outcome = wanted,
            BreakGlass = breakGlass,
        };
        var page = await search.SearchAsync(query, continuation, Math.Clamp(pageSize ?? 100, 1, AuditSearch.MaxPageSize), cancellationToken);
        await audit.AppendAsync(AuditorEvent(context, "search", page.Events.Count) with { PersonKeys = person is { } p ? [p] : [] }, cancellationToken);
        return TypedResults.Ok(new AuditEventsPage(page.Events.Select(AuditEventView.From).ToList(), page.ContinuationToken));
    }

    private static AuditEvent AuditorEvent(HttpContext context, string resource, int recordCount) => new()
    {
        Actor = new AuditActor(
            context.User.FindFirstValue("oid") ?? context.User.FindFirstValue("sub") ?? "unknown",
            HubRoles.Auditor,
            ClientApplicationId: context.User.FindFirstValue("azp") ?? context.User.FindFirstValue("appid"),
            ClientAddress: context.Connection.RemoteIpAddress?.ToString()),
        Action = AuditAction.AuditRead,
        Resource = resource,
        Outcome = AuditOutcome.Allowed,
        RecordCount = recordCount,
        CorrelationId = context.TraceIdentifier,
    };

    private static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid audit query", detail: detail);
}
