using Hub.Core.Access.Residents;

namespace Hub.Core.Reads;

/// <summary>One resident of a list as a viewer may see them.</summary>
/// <param name="Resident">The list's row.</param>
/// <param name="Name">The name as the policy renders it; null when hidden.</param>
/// <param name="Groups">The special groups active on the list's day, as the policy renders them (<c>***</c> when masked).</param>
public sealed record ResidentDisclosure(ListedResident Resident, string? Name, IReadOnlyList<string> Groups);
