using Hub.Core.Access;
using Hub.Core.Identity;
using Hub.Core.Profiles;
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
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{personKey}", GetProfileAsync)
            .WithName("GetProfile")
            .WithSummary("A person's whole profile, by person key (data stewards)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static IServiceCollection AddProfilesApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(StewardPolicy, policy => policy.RequireRole(HubRoles.DataSteward));
        return services;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProfileAsync(string personKey, ProfileStore profiles, CancellationToken cancellationToken)
    {
        var json = PersonKey.TryParse(personKey, out var key) ? await profiles.GetJsonAsync(key, cancellationToken) : null;
        return json is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown person", detail: "The Hub holds no fact about this person key.")
            : TypedResults.Content(json, "application/json; charset=utf-8");
    }
}
