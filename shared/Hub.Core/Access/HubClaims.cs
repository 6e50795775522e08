namespace Hub.Core.Access;

/// <summary>
/// The claims a personal identity carries besides its roles. In Azure they are directory extension attributes
/// (or optional claims) emitted under these names; development tokens carry them directly.
/// </summary>
public static class HubClaims
{
    /// <summary>The subject: the identity's stable id, used in the audit trail and as the rate-limit partition.</summary>
    public const string Subject = "sub";

    /// <summary>The 12-digit division code of the user's area, e.g. <c>110105001000</c> for a street office.</summary>
    public const string Division = "division";

    /// <summary>A grid worker's grid within their community, e.g. <c>G03</c>.</summary>
    public const string Grid = "grid";

    /// <summary>A department officer's department: the source id, e.g. <c>civil-affairs</c>.</summary>
    public const string Department = "department";
}
