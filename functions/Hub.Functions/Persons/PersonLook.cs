using Hub.Core.Access;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Functions.Audit;

namespace Hub.Functions.Persons;

/// <summary>
/// One user's look at person data: who they are (from the token), their jurisdiction, their declared purpose and,
/// per person, whether a break-glass grant holds. Reads a person only inside the jurisdiction: outside it the answer
/// is the same "nobody" as for an unknown key, and the audit scope records the attempt as denied.
/// </summary>
internal sealed class PersonLook
{
    private PersonLook(HubUser user, Purpose? purpose) => (User, Purpose, Jurisdiction) = (user, purpose, Jurisdiction.Of(user));

    public HubUser User { get; }

    public Purpose? Purpose { get; }

    public Jurisdiction Jurisdiction { get; }

    /// <summary>The plain request: the user and their purpose, no break-glass.</summary>
    public AccessRequest Request => new(User, Purpose);

    /// <summary>
    /// Reads the user and their purpose; a purpose the policy does not list is a problem (400), a token that does not
    /// describe a personal user one too (403; the group's authorization policy lets none through).
    /// </summary>
    public static bool TryStart(HttpContext context, AccessPolicy policy, string? purposeText, AuditScope audit, out PersonLook look, out Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(audit);
        look = null!;
        problem = null;
        if (!HubUser.TryRead(context.User, out var user, out _))
        {
            audit.Deny();
            problem = TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a personal identity", detail: "Person data is read with a personal identity: a role, a division and, for grid workers, a grid.");
            return false;
        }

        Purpose? purpose = null;
        if (!string.IsNullOrEmpty(purposeText))
        {
            if (!policy.TryGetPurpose(purposeText, out purpose))
            {
                problem = TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown purpose",
                    detail: $"Declare one of the listed purposes: {string.Join(", ", policy.Purposes.Select(p => p.Id))}.");
                return false;
            }

            audit.Purpose = purpose.Value.Value;
        }

        look = new PersonLook(user, purpose);
        return true;
    }

    /// <summary>Whether a person placed as <paramref name="profile"/> says lies in the user's jurisdiction.</summary>
    public bool Covers(PersonProfile profile) => Covers(Jurisdiction, profile);

    /// <summary>Whether a person placed as <paramref name="profile"/> says lies in <paramref name="jurisdiction"/>.</summary>
    public static bool Covers(Jurisdiction jurisdiction, PersonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(profile);
        return jurisdiction.Covers(PlaceOf(profile.Residence), PlaceOf(profile.Registration));
    }

    /// <summary>
    /// The profile of <paramref name="key"/> when it lies inside the jurisdiction; null for an unknown person and for
    /// one outside, which the audit scope records as a denied look.
    /// </summary>
    public async Task<PersonProfile?> ReadAsync(ProfileReader profiles, PersonKey key, AuditScope audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(audit);
        var profile = await profiles.ReadAsync(key, cancellationToken);
        if (profile is null)
        {
            audit.Touch(key);
            return null;
        }

        if (!Covers(profile))
        {
            audit.Deny(key);
            return null;
        }

        audit.Touch(profile.PersonKey);
        return profile;
    }

    /// <summary>
    /// The request for a look at <paramref name="person"/>: raised when the user holds a break-glass grant for them
    /// (and may break the glass), which the audit scope then carries.
    /// </summary>
    public Task<AccessRequest> RequestForAsync(BreakGlassGrants grants, AccessPolicy policy, PersonKey person, AuditScope audit, CancellationToken cancellationToken) =>
        RequestForAsync(grants, policy, person, audit, asked: null, cancellationToken);

    /// <summary>As the overload without <paramref name="asked"/>: the grant read for <paramref name="person"/> already under way, if any.</summary>
    public async Task<AccessRequest> RequestForAsync(BreakGlassGrants grants, AccessPolicy policy, PersonKey person, AuditScope audit, Task<BreakGlassGrant?>? asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(audit);
        if (!MayBreakGlass(policy) || await (asked ?? grants.CurrentAsync(person, User.Subject, cancellationToken)) is not { } grant)
        {
            return Request;
        }

        audit.BreakGlassReason = grant.Reason;
        audit.Purpose ??= policy.BreakGlass.Purpose;
        return new AccessRequest(User, Purpose ?? Hub.Core.Access.Purpose.Parse(policy.BreakGlass.Purpose), BreakGlass: true);
    }

    /// <summary>Whether the user holds a role the policy lets break the glass, so their looks check for a grant.</summary>
    public bool MayBreakGlass(AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return User.Roles.Any(policy.BreakGlass.Roles.Contains);
    }

    private static DivisionPlace? PlaceOf(Place? place) =>
        place is null ? null : new DivisionPlace(place.Division, Hub.Core.Kernel.GridCode.TryParse(place.Grid, out var grid) ? grid : null);
}
