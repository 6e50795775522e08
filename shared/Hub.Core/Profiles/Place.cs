using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>
/// A place of a person (residence or household registration) in the division hierarchy. Division, grid and address
/// always come from one fact, so a place is never stitched together from two departments' records.
/// </summary>
/// <param name="Division">The 12-digit division code.</param>
/// <param name="Grid">The grid within the community, when the source states it.</param>
/// <param name="Address">The address, when the source states it.</param>
/// <param name="Provenance">The fact it comes from.</param>
public sealed record Place(DivisionCode Division, string? Grid, string? Address, Provenance Provenance)
{
    /// <summary>Names the division and source, not the address.</summary>
    public override string ToString() => $"{Division} from {Provenance.Source}";
}
