namespace Hub.Core.Checks;

/// <summary>The memberships a check looks at: of which groups, stated by which sources, and in what state.</summary>
public sealed record MembershipCondition
{
    /// <summary>The groups (as the profile rules name them), e.g. <c>dibao</c>; at least one.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The sources whose memberships count; empty for any source.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>What is asked of the membership.</summary>
    public MembershipState State { get; init; } = MembershipState.StatedActive;

    /// <summary>For <see cref="MembershipState.StatedActiveAfterStatus"/>: how long the benefit may run on after the status began.</summary>
    public StatusGrace Grace { get; init; } = StatusGrace.None;
}
