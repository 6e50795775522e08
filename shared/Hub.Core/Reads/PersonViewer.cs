using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Divisions;
using Hub.Core.Profiles;

namespace Hub.Core.Reads;

/// <summary>
/// One user's look at person data: who they are (from the token), their jurisdiction and their declared purpose.
/// Started by <see cref="PersonDisclosure.Start"/>; every read of <see cref="PersonDisclosure"/> is made for one.
/// </summary>
public sealed class PersonViewer
{
    private PersonViewer(HubUser user, Purpose? purpose, DivisionRegistry? divisions) => (User, Purpose, Jurisdiction) = (user, purpose, Jurisdiction.Of(user, divisions));

    /// <summary>The user, as the token describes them.</summary>
    public HubUser User { get; }

    /// <summary>The purpose the user declared; null when none.</summary>
    public Purpose? Purpose { get; }

    /// <summary>Where the user may look.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The plain request: the user and their purpose, no break-glass.</summary>
    public AccessRequest Request => new(User, Purpose);

    /// <summary>Whether a person placed as <paramref name="profile"/> says lies in the user's jurisdiction.</summary>
    public bool Covers(PersonProfile profile) => Jurisdiction.Covers(profile);

    /// <summary>Whether the user holds a role <paramref name="policy"/> lets break the glass, so their looks check for a grant.</summary>
    public bool MayBreakGlass(AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return User.Roles.Any(policy.BreakGlass.Roles.Contains);
    }

    internal static ViewerStart Start(ClaimsPrincipal principal, AccessPolicy policy, string? purposeText, DivisionRegistry? divisions = null)
    {
        if (!HubUser.TryRead(principal, out var user, out _))
        {
            return new ViewerStart(null, ViewerRefusal.NotPersonal);
        }

        Purpose? purpose = null;
        if (!string.IsNullOrEmpty(purposeText) && !policy.TryGetPurpose(purposeText, out purpose))
        {
            return new ViewerStart(null, ViewerRefusal.UnknownPurpose);
        }

        return new ViewerStart(new PersonViewer(user, purpose, divisions), null);
    }
}
