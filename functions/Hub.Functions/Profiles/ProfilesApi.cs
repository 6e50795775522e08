using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity;
using Hub.Core.Profiles;
using Hub.Core.Resolution;
using Hub.Functions.Access;
using Hub.Functions.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Profiles;

/// <summary>
/// Whole golden profiles, for data stewards: every attribute with its provenance and the other sources' values,
/// memberships with validity, places and household. The tiered read for other roles is a separate API.
/// </summary>
internal static class ProfilesApi
{
    public const string StewardPolicy = "DataSteward";

    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/profiles")
            .WithTags("Profiles")
            .RequireAuthorization(StewardPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/{personKey}", GetProfileAsync)
            .WithName("GetProfile")
            .WithSummary("A person's whole profile, by person key (data stewards)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited(AuditAction.PersonRead);

        group.MapGet("/{personKey}/household", GetHouseholdAsync)
            .WithName("GetHousehold")
            .WithSummary("The household of a person: members with their relation to the head and active group memberships (data stewards)")
            .WithDescription("Members are the golden persons with the same household key: from the police household number (户号) when a source gives one, else from the normalised registration address.")
            .Produces<HouseholdView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited(AuditAction.PersonRead);

        group.MapPost("/lookup", LookUpProfileAsync)
            .WithName("LookUpProfile")
            .WithSummary("A person's whole profile, by resident ID number sent in the body (data stewards)")
            .WithDescription("The ID number travels in the body only, never in a URL or a log. Body: {\"residentId\": \"11010519491231002X\"}; 15-digit, full-width and lower-case-x forms are accepted.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited(AuditAction.PersonRead);

        return routes;
    }

    public static IServiceCollection AddProfilesApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(StewardPolicy, policy => policy.RequireRole(HubRoles.DataSteward));
        return services;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> LookUpProfileAsync(ProfileLookup lookup, PersonKeyHasher hasher, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        if (!ResidentId.TryParse(lookup.ResidentId, out var id, out var reason))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid ID number", detail: reason);
        }

        var key = hasher.Hash(id.Value);
        var profile = await profiles.ReadAsync(key, cancellationToken);
        return Answer(profile, key, audit);
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProfileAsync(string personKey, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        if (!PersonKey.TryParse(personKey, out var key))
        {
            return UnknownPerson();
        }

        return Answer(await profiles.ReadAsync(key, cancellationToken), key, audit);
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetHouseholdAsync(string personKey, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        var household = PersonKey.TryParse(personKey, out var key) ? await profiles.ReadHouseholdAsync(key, cancellationToken) : null;
        if (PersonKey.TryParse(personKey, out _))
        {
            audit.Touch(key);
        }

        foreach (var member in household?.Members ?? [])
        {
            audit.Disclose(member.Profile);
        }

        return household is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown household", detail: "The Hub knows no household of this person.")
            : Json(System.Text.Json.JsonSerializer.Serialize(household, ProfileJson.Options));
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Answer(PersonProfile? profile, PersonKey key, AuditScope audit)
    {
        audit.Touch(key);
        if (profile is null)
        {
            return UnknownPerson();
        }

        audit.Disclose(profile);
        return Json(ProfileJson.Serialize(profile));
    }

    private static ContentHttpResult Json(string json) => TypedResults.Content(json, "application/json; charset=utf-8");

    private static ProblemHttpResult UnknownPerson() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown person", detail: "The Hub holds no fact about this person.");
}
