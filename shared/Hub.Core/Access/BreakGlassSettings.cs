using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>
/// Break-glass (紧急授权): in an emergency, a user of one of <see cref="Roles"/> may see more than their tier for a
/// short time. Each break-glass look is audited and reviewed afterwards.
/// </summary>
public sealed record BreakGlassSettings
{
    /// <summary>How long a break-glass grant lasts once declared, e.g. 30 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The roles that may break the glass; never auditors or administrators.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>What every attribute up to <see cref="UpToLevel"/> is raised to (at least) while the grant lasts.</summary>
    public FieldAccess ElevatesTo { get; init; } = FieldAccess.Shown;

    /// <summary>The highest level raised; levels above it keep the role's access.</summary>
    public Sensitivity UpToLevel { get; init; } = Sensitivity.L3;

    /// <summary>The purpose a break-glass look counts as, so conditional attributes are given: a listed purpose.</summary>
    public string Purpose { get; init; } = "emergency-assistance";

    /// <summary>Whether a grant declared at <paramref name="declaredAt"/> still holds at <paramref name="now"/>.</summary>
    public bool Holds(DateTimeOffset declaredAt, DateTimeOffset now) => now >= declaredAt && now < declaredAt + Duration;
}
