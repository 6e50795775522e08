using Hub.Core.Access.Residents;

namespace Hub.Core.Reads;

/// <summary>One resident of a list as a viewer may see them.</summary>
/// <param name="Resident">The list's row.</param>
/// <param name="Name">The name as the policy renders it; null when hidden.</param>
/// <param name="Groups">The special groups their sources state active on the list's day, as the policy renders them (<c>***</c> when masked).</param>
/// <param name="Status">The status on the list's day (<c>active</c>, <c>deceased</c>, <c>movedOut</c>) as the policy renders it; null when unknown or hidden.</param>
/// <param name="StatusDate">The date the register gives for a death or move out, as the policy renders it; null when none is given or shown.</param>
public sealed record ResidentDisclosure(ListedResident Resident, string? Name, IReadOnlyList<string> Groups, string? Status = null, string? StatusDate = null);
