using System.Security.Claims;
using Hub.Core.Access;

namespace Hub.Functions.Access;

/// <summary>
/// The identifiers the audit trail records about every caller (subject, object id, client application) must be
/// identifiers: a validly signed token whose <c>sub</c> is a space or 2,000 characters is refused at authentication
/// (401, audited as anonymous), not carried into an event the trail cannot hold.
/// </summary>
internal static class TokenClaimsCheck
{
    /// <summary>The longest identifier taken; Entra ID's are 36 (object ids) or 43 (pairwise subjects) characters.</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>Why the token's claims are not usable; null when they are. Never quotes a claim's value.</summary>
    public static string? Problem(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirst(HubClaims.Subject) is null)
        {
            return "The token has no subject (sub).";
        }

        foreach (var claim in principal.Claims.Where(c => HubClaims.Identifiers.Contains(c.Type, StringComparer.Ordinal)))
        {
            if (!IsIdentifier(claim.Value))
            {
                return $"The {claim.Type} claim is not an identifier of 1 to {MaxIdentifierLength} visible characters.";
            }
        }

        return null;
    }

    private static bool IsIdentifier(string value) =>
        value.Length is > 0 and <= MaxIdentifierLength && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
