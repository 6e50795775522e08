using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Core.Access;

/// <summary>
/// Tokens for local work and tests, signed with a key that is public by design. The Hub accepts them only when
/// its environment is Development and no Entra ID authority is configured.
/// </summary>
public static class DevelopmentTokens
{
    /// <summary>Issuer of development tokens.</summary>
    public const string Issuer = "hub-development";

    /// <summary>Audience of development tokens (and the Hub's default audience).</summary>
    public const string Audience = "hub";


    /// <summary>The development signing key: HMAC-SHA256, public, never accepted outside Development.</summary>
    public static SymmetricSecurityKey SigningKey { get; } =
        new(Encoding.UTF8.GetBytes("hub-development-signing-key-public-by-design-0001")) { KeyId = "hub-development" };

    /// <summary>Mints a development token for <paramref name="subject"/> with the given roles and extra claims.</summary>
    public static string Mint(string subject, IEnumerable<string> roles, IReadOnlyDictionary<string, string>? claims = null, TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var identity = new ClaimsIdentity([new Claim(HubClaims.Subject, subject), new Claim(HubClaims.AuthorizedParty, subject)]);
        identity.AddClaims(roles.Select(r => new Claim(HubClaims.Roles, r)));
        foreach (var (type, value) in claims ?? new Dictionary<string, string>())
        {
            identity.AddClaim(new Claim(type, value));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = identity,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// Mints a development token for a person: <paramref name="roles"/> from <see cref="HubRoles.PersonalRoles"/>, the
    /// <c>division</c> claim, and the <c>grid</c> (grid workers) and <c>department</c> (department officers) claims.
    /// Refuses, with the reason the Hub would give, an identity the Hub would not accept.
    /// </summary>
    /// <exception cref="ArgumentException">The roles, division, grid or department do not make a usable identity.</exception>
    public static string MintPersonal(string subject, IReadOnlyCollection<string> roles, string division, string? grid = null, string? department = null, TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        var reason = HubUser.Describe(subject, roles, division, grid, department, out var code, out var gridCode, out var source);
        if (reason is not null)
        {
            throw new ArgumentException($"The identity would not be accepted: {reason}.", nameof(roles));
        }

        var claims = new Dictionary<string, string>(StringComparer.Ordinal) { [HubClaims.Division] = code!.Value.Value };
        if (gridCode is { } g)
        {
            claims[HubClaims.Grid] = g.Value;
        }

        if (source is { } s)
        {
            claims[HubClaims.Department] = s.Value;
        }

        return Mint(subject, roles, claims, lifetime, now);
    }
}
