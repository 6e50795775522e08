using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>A household member's membership: its group and validity, and where it comes from when known.</summary>
internal sealed record PeerMembership(GroupId Group, DateOnly ValidFrom, DateOnly? LastDay, string Source, string Batch)
{
    public bool IsStatedActiveOn(DateOnly day) => ValidFrom <= day && (LastDay is null || LastDay >= day);
}
