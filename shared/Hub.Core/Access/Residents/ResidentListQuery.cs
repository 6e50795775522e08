using Hub.Core.Kernel;

namespace Hub.Core.Access.Residents;

/// <summary>Which residents a list takes: a division, optionally one grid of a community, optionally one household.</summary>
/// <param name="Division">The division listed; its level decides whether the list is a partition range, a partition or a row-key range.</param>
/// <param name="Grid">One grid of <paramref name="Division"/>, which must then be a community.</param>
/// <param name="Household">Only the members of this household.</param>
public sealed record ResidentListQuery(DivisionCode Division, GridCode? Grid = null, HouseholdKey? Household = null)
{
    /// <summary>
    /// The code length the list is at: 2, 4, 6, 9 or 12 digits, 13 for a grid. Rows with <c>DistinctFrom</c> up to
    /// it are taken, so a person whose two places both lie inside appears once.
    /// </summary>
    public int Level => Grid is null ? Division.Prefix.Length : 13;
}
