using System.Security.Claims;

namespace Hub.Core.Access;

/// <summary>
/// The claims a personal identity carries besides its roles. In Azure they are directory extension attributes
/// (or optional claims) emitted under these names; development tokens carry them directly.
/// </summary>
public static class HubClaims
{
    /// <summary>The subject: the identity's stable id, used in the audit trail and as the rate-limit partition.</summary>
    public const string Subject = "sub";

    /// <summary>Entra ID's object id of the identity: the audit trail's user id when a token has no subject.</summary>
    public const string ObjectId = "oid";

    /// <summary>The client application the token was issued to (v2 tokens).</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>The client application the token was issued to (v1 tokens).</summary>
    public const string ApplicationId = "appid";

    /// <summary>The app roles, as Entra ID issues them.</summary>
    public const string Roles = "roles";

    /// <summary>The 12-digit division code of the user's area, e.g. <c>110105001000</c> for a street office.</summary>
    public const string Division = "division";

    /// <summary>A grid worker's grid within their community, e.g. <c>G03</c>.</summary>
    public const string Grid = "grid";

    /// <summary>A department officer's department: the source id, e.g. <c>civil-affairs</c>.</summary>
    public const string Department = "department";

    /// <summary>The claims that identify a caller in the audit trail; each must be an identifier when present.</summary>
    public static IReadOnlyList<string> Identifiers { get; } = [Subject, ObjectId, AuthorizedParty, ApplicationId];

    /// <summary>The user id the audit trail records: the subject, else the object id; null for neither.</summary>
    public static string? UserId(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(Subject)?.Value ?? principal.FindFirst(ObjectId)?.Value;
    }

    /// <summary>The client application the token was issued to; null when the token names none.</summary>
    public static string? ClientApplication(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(AuthorizedParty)?.Value ?? principal.FindFirst(ApplicationId)?.Value;
    }
}
