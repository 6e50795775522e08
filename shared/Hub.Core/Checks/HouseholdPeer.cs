using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>Another member of a person's household as a household condition needs it.</summary>
/// <param name="PersonKey">The member.</param>
/// <param name="Present">False when the register records the member's death or move out.</param>
/// <param name="Memberships">The member's memberships.</param>
internal sealed record HouseholdPeer(PersonKey PersonKey, bool Present, IReadOnlyList<PeerMembership> Memberships);
