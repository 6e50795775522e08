using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>A break-glass grant: one user's elevated access to one person, for a stated reason, until it expires.</summary>
/// <param name="PersonKey">The person the grant is for.</param>
/// <param name="Subject">The user (token subject) it was granted to.</param>
/// <param name="Reason">The emergency reason the user stated; kept in every audit event the grant touches.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="ExpiresAt">When it stops holding.</param>
public sealed record BreakGlassGrant(PersonKey PersonKey, string Subject, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Names the person by key; the reason is left out, it may describe an emergency.</summary>
    public override string ToString() => $"Break-glass grant for {PersonKey} until {ExpiresAt:O}";
}
