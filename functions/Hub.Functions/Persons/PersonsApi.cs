using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Reads;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Persons;

/// <summary>
/// Person detail, household, look-up by ID number and break-glass, for personal roles (grid and community workers,
/// street, district and department officers, data stewards). Rendered by the access policy only; outside the
/// user's jurisdiction a person is "not found", exactly like one the Hub does not know, and audited as denied.
/// </summary>
internal static class PersonsApi
{
    public const string PersonReaderPolicy = "PersonReader";

    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/persons")
            .WithTags("Persons")
            .RequireAuthorization(PersonReaderPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy)
            .AnswerMalformedRouteValues((_, _) => BadKey())
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{personKey}", GetPersonAsync)
            .WithName("GetPerson")
            .WithSummary("A person, rendered for the caller's role, jurisdiction and purpose")
            .WithDescription("Hidden attributes are absent, masked ones masked (张*三, 110105********002X, 138****5678). Conditional attributes need ?purpose= from the policy's list. A person outside the caller's jurisdiction is 404, like an unknown one.")
            .Produces<RenderedPerson>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonRead);

        group.MapGet("/{personKey}/household", GetHouseholdAsync)
            .WithName("GetPersonHousehold")
            .WithSummary("A person's household, each member rendered for the caller; members outside the jurisdiction are left out")
            .Produces<RenderedHousehold>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonRead);

        group.MapPost("/lookup", LookUpAsync)
            .WithName("LookUpPerson")
            .WithSummary("A person found by resident ID number, sent in the body, rendered for the caller")
            .WithDescription("Body: {\"residentId\": \"11010519491231002X\", \"purpose\": \"home-visit\"}. The number travels in the body only, never in a URL or a log.")
            .Produces<RenderedPerson>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonRead);

        group.MapPost("/{personKey}/break-glass", BreakGlassAsync)
            .WithName("BreakGlass")
            .WithSummary("Emergency access to one person beyond the caller's tier, for the policy's duration")
            .WithDescription("Body: {\"reason\": \"…\"}. Roles the policy lists only. Every look under the grant carries the reason in its audit event, and auditors are alerted.")
            .Produces<BreakGlassAnswer>(StatusCodes.Status200OK)
            .Audited(AuditAction.BreakGlassGrant);

        return routes;
    }

    public static IServiceCollection AddPersonsApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(PersonReaderPolicy, policy => policy
            .RequirePersonalIdentity(HubRoles.PersonalRoles.Except(HubRoles.WithoutPersonData).ToList()));
        services.AddSingleton<ContinuationTokens>();
        return services;
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetPersonAsync(
        PersonKey personKey, [FromQuery] string? purpose, HttpContext context, AuditScope audit, PersonDisclosure reads, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, purpose, audit, out var viewer, out var problem))
        {
            return problem;
        }

        var read = await RotatedReads.ByKeyAsync(rotation, personKey, key => reads.DetailAsync(viewer, key, cancellationToken), cancellationToken);

        audit.Record(read.Disclosed);
        return read.Value is { } person ? TypedResults.Ok(person) : NotFound();
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetHouseholdAsync(
        PersonKey personKey, [FromQuery] string? purpose, HttpContext context, AuditScope audit, PersonDisclosure reads, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, purpose, audit, out var viewer, out var problem))
        {
            return problem;
        }

        var read = await RotatedReads.ByKeyAsync(rotation, personKey, key => reads.HouseholdAsync(viewer, key, cancellationToken), cancellationToken);

        audit.Record(read.Disclosed);
        return read.Value is { } household ? TypedResults.Ok(household) : NotFound();
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> LookUpAsync(
        PersonLookup lookup, HttpContext context, AuditScope audit, PersonDisclosure reads, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, lookup.Purpose, audit, out var viewer, out var problem))
        {
            return problem;
        }

        if (!ResidentId.TryParse(lookup.ResidentId, out var id, out var reason))
        {
            return HubProblems.BadRequest("Invalid ID number", reason);
        }

        var read = await RotatedReads.ByIdAsync(rotation, id.Value, key => reads.DetailAsync(viewer, key, cancellationToken));

        audit.Record(read.Disclosed);
        return read.Value is { } person ? TypedResults.Ok(person) : NotFound();
    }

    internal static async Task<Results<Ok<BreakGlassAnswer>, ProblemHttpResult>> BreakGlassAsync(
        BreakGlassRequest request, PersonKey personKey, HttpContext context, AuditScope audit, PersonDisclosure reads, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, purpose: null, audit, out var viewer, out var problem))
        {
            return problem;
        }

        var settings = reads.Policy.BreakGlass;
        if (!viewer.MayBreakGlass(reads.Policy))
        {
            audit.Deny();
            return HubProblems.Forbidden("Break-glass not allowed", $"Only {string.Join(", ", settings.Roles)} may break the glass.");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > BreakGlassGrants.MaxReasonLength)
        {
            return HubProblems.BadRequest("Reason required", $"State the emergency in 1 to {BreakGlassGrants.MaxReasonLength} characters; it is kept in the audit trail.");
        }

        var read = await RotatedReads.ByKeyAsync(rotation, personKey, key => reads.BreakGlassAsync(viewer, key, reason, cancellationToken), cancellationToken);
        audit.Record(read.Disclosed);
        return read.Value is { } grant
            ? TypedResults.Ok(new BreakGlassAnswer(grant.PersonKey.Value, grant.GrantedAt, grant.ExpiresAt, settings.Purpose))
            : NotFound();
    }

    internal static ProblemHttpResult NotFound() =>
        HubProblems.NotFound("Unknown person", "No such person in your jurisdiction.");

    private static ProblemHttpResult BadKey() =>
        HubProblems.BadRequest("Invalid person key", "A person key is 32 lower-case hex characters.");
}
