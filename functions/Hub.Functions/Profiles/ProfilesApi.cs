using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity.Resolution;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
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
            .AnswerMalformedRouteValues((_, _) => UnknownPerson())
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapGet("/{personKey}", GetProfileAsync)
            .WithName("GetProfile")
            .WithSummary("A person's whole profile, by person key (data stewards)")
            .WithDescription("A key from before a pepper rotation reads the person at the key it moved to.")
            .Produces<PersonProfile>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonRead);

        group.MapGet("/{personKey}/household", GetHouseholdAsync)
            .WithName("GetHousehold")
            .WithSummary("The household of a person: members with their relation to the head and active group memberships (data stewards)")
            .WithDescription("Members are the golden persons with the same household key: from the police household number (户号) when a source gives one, else from the normalised registration address.")
            .Produces<HouseholdView>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonRead);

        group.MapPost("/lookup", LookUpProfileAsync)
            .WithName("LookUpProfile")
            .WithSummary("A person's whole profile, by resident ID number sent in the body (data stewards)")
            .WithDescription("The ID number travels in the body only, never in a URL or a log. Body: {\"residentId\": \"11010519491231002X\"}; 15-digit, full-width and lower-case-x forms are accepted.")
            .Produces<PersonProfile>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .Audited(AuditAction.PersonRead);

        return routes;
    }

    public static IServiceCollection AddProfilesApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(StewardPolicy, policy => policy.RequirePersonalIdentity([HubRoles.DataSteward]));
        return services;
    }

    internal static async Task<Results<Ok<PersonProfile>, ProblemHttpResult>> LookUpProfileAsync(
        ProfileLookup lookup, PersonKeyRotation rotation, ProfileReader profiles, AuditScope audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ResidentId.TryParse(lookup.ResidentId, out var id, out var reason))
        {
            return HubProblems.BadRequest("Invalid ID number", reason);
        }

        return Answer(await StewardLook.Of(context, profiles).ReadByIdAsync(id.Value, rotation, audit, cancellationToken), audit);
    }

    internal static async Task<Results<Ok<PersonProfile>, ProblemHttpResult>> GetProfileAsync(
        PersonKey personKey, ProfileReader profiles, PersonKeyRotation rotation, AuditScope audit, HttpContext context, CancellationToken cancellationToken) =>
        Answer((await StewardLook.Of(context, profiles).ReadFollowingAsync(personKey, rotation, audit, cancellationToken)).Profile, audit);

    internal static async Task<Results<Ok<HouseholdView>, ProblemHttpResult>> GetHouseholdAsync(
        PersonKey personKey, ProfileReader profiles, PersonKeyRotation rotation, AuditScope audit, HttpContext context, CancellationToken cancellationToken)
    {
        var look = StewardLook.Of(context, profiles);
        var (key, profile) = await look.ReadFollowingAsync(personKey, rotation, audit, cancellationToken);
        if (profile is null)
        {
            return UnknownPerson();
        }

        // Members outside the steward's reach are left out, as on the tiered household route.
        var household = await profiles.ReadHouseholdAsync(key, cancellationToken);
        var members = household?.Members.Where(m => look.Covers(m.Profile)).ToList() ?? [];
        if (household is null || members.Count == 0)
        {
            return HubProblems.NotFound("Unknown household", "The Hub knows no household of this person.");
        }

        foreach (var member in members)
        {
            audit.Touch(member.Profile.PersonKey);
            audit.Disclose(member.Profile);
        }

        return TypedResults.Ok(household with { Members = members });
    }

    private static Results<Ok<PersonProfile>, ProblemHttpResult> Answer(PersonProfile? profile, AuditScope audit)
    {
        if (profile is null)
        {
            return UnknownPerson();
        }

        audit.Disclose(profile);
        return TypedResults.Ok(profile);
    }

    private static ProblemHttpResult UnknownPerson() =>
        HubProblems.NotFound("Unknown person", "No such person in your jurisdiction.");
}
