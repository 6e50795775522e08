using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Reads;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Persons;

/// <summary>
/// Claim verification without disclosure (what replaces the 社区证明 a resident is sent to fetch): "is this person a
/// 低保 recipient on that day", "is their disability grade at most N", "do they live in this division". The answer
/// is yes or no, the day and the deciding source, nothing else. The caller must be given the attribute behind the
/// claim at least masked, and the person must lie in their jurisdiction (else 404, as for an unknown person).
/// </summary>
internal static class VerificationsApi
{
    public static IEndpointRouteBuilder MapVerificationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/verifications", VerifyAsync)
            .WithTags("Persons")
            .RequireAuthorization(PersonsApi.PersonReaderPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy)
            .WithName("VerifyClaim")
            .WithSummary("Verify a claim about a resident without disclosing anything else")
            .WithDescription("Body: {\"residentId\": \"…\", \"claim\": {\"kind\": \"inGroup\", \"group\": \"dibao\", \"on\": \"2025-03-01\"}, \"purpose\": \"eligibility-check\"}; " +
                "kinds: inGroup (group, on), disabilityGradeAtMost (grade 1-4, on), livesIn (division). Answer: {\"answer\": true, \"asOf\": \"2025-03-01\", \"source\": \"civil-affairs\"}.")
            .Produces<VerificationAnswer>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.ClaimVerify);
        return routes;
    }

    internal static async Task<Results<Ok<VerificationAnswer>, ProblemHttpResult>> VerifyAsync(
        VerificationRequest verification, HttpContext context, AuditScope audit, PersonDisclosure reads, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, verification.Purpose, audit, out var look, out var problem))
        {
            return problem;
        }

        if (!ResidentId.TryParse(verification.ResidentId, out var id, out var reason))
        {
            return HubProblems.BadRequest("Invalid ID number", reason);
        }

        var claim = verification.Claim;
        var on = claim?.On ?? reads.Today;
        audit.Resource = $"claim={claim?.Kind}";
        Func<PersonProfile, (bool Answer, string? Source)>? evaluate = claim?.Kind switch
        {
            "inGroup" when GroupId.TryParse(claim.Group, out var group) => profile => InGroup(profile, group.Value, on),
            "disabilityGradeAtMost" when claim.Grade is >= 1 and <= 4 => profile => GradeAtMost(profile, claim.Grade.Value, on),
            "livesIn" when DivisionCode.TryParse(claim.Division, out var division, out _) => profile => LivesIn(profile, division.Value),
            _ => null,
        };
        if (evaluate is null)
        {
            return HubProblems.BadRequest("Invalid claim", "claim.kind is inGroup (with group and optional on), disabilityGradeAtMost (grade 1-4, optional on) or livesIn (division).");
        }

        // While a pepper rotation runs, a person it has not moved yet is at the retired pepper's key.
        var keys = rotation.KeysOf(id.Value);
        var read = await reads.ReadAsync(look, keys[0], cancellationToken);
        if (read.Value is null && keys.Count > 1)
        {
            read = await reads.ReadAsync(look, keys[1], cancellationToken);
        }

        audit.Record(read.Disclosed);
        if (read.Value is not { } profile)
        {
            return PersonsApi.NotFound();
        }

        var (access, attribute) = claim!.Kind switch
        {
            "inGroup" => (reads.GroupAccess(look, GroupId.Parse(claim.Group!), out var groupAttribute), groupAttribute),
            "disabilityGradeAtMost" => (reads.GroupAccess(look, GroupId.Disability, out _), "disabilityGrade"),
            _ => (reads.Decide(look, profile.Residence?.Provenance.Source, "residenceDivision"), "residenceDivision"),
        };
        if (access == FieldAccess.Hidden)
        {
            audit.Deny();
            return HubProblems.Forbidden("Claim not open to you", "Your role (with this purpose) is not given the facts behind this claim; a purpose may open it.");
        }

        var (answer, decidedBy) = evaluate(profile);
        audit.Disclose($"claim:{claim.Kind}:{attribute}", masked: false);
        audit.RecordCount = 1;
        return TypedResults.Ok(new VerificationAnswer(answer, on, decidedBy));
    }

    private static (bool, string?) InGroup(PersonProfile profile, GroupId group, DateOnly on) =>
        profile.Memberships.FirstOrDefault(m => m.Group == group && m.IsActiveOn(on)) is { } membership ? (true, membership.Source) : (false, null);

    private static (bool, string?) GradeAtMost(PersonProfile profile, int grade, DateOnly on)
    {
        var certificate = profile.Memberships.FirstOrDefault(m => m.Group == GroupId.Disability && m.IsActiveOn(on)
            && int.TryParse(m.Details.GetValueOrDefault("disabilityGrade"), NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g <= grade);
        return certificate is null ? (false, null) : (true, certificate.Source);
    }

    private static (bool, string?) LivesIn(PersonProfile profile, DivisionCode division) =>
        profile.Residence is { } residence ? (division.Contains(residence.Division), residence.Provenance.Source) : (false, null);
}
