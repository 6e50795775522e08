using Hub.Core.Access;
using Hub.Core.Identity;
using Hub.Core.Profiles;
using Hub.Functions.Access;
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
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/lookup", LookUpProfileAsync)
            .WithName("LookUpProfile")
            .WithSummary("A person's whole profile, by resident ID number sent in the body (data stewards)")
            .WithDescription("The ID number travels in the body only, never in a URL or a log. Body: {\"residentId\": \"11010519491231002X\"}; 15-digit, full-width and lower-case-x forms are accepted.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static IServiceCollection AddProfilesApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(StewardPolicy, policy => policy.RequireRole(HubRoles.DataSteward));
        return services;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> LookUpProfileAsync(ProfileLookup lookup, PersonKeyHasher hasher, ProfileStore profiles, CancellationToken cancellationToken)
    {
        if (!ResidentId.TryParse(lookup.ResidentId, out var id, out var reason))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid ID number", detail: reason);
        }

        var json = await profiles.GetJsonAsync(hasher.Hash(id.Value), cancellationToken);
        return json is null ? UnknownPerson() : TypedResults.Content(json, "application/json; charset=utf-8");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProfileAsync(string personKey, ProfileStore profiles, CancellationToken cancellationToken)
    {
        var json = PersonKey.TryParse(personKey, out var key) ? await profiles.GetJsonAsync(key, cancellationToken) : null;
        return json is null ? UnknownPerson() : TypedResults.Content(json, "application/json; charset=utf-8");
    }

    private static ProblemHttpResult UnknownPerson() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown person", detail: "The Hub holds no fact about this person.");
}
