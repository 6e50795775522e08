namespace Hub.Core.Profiles;

/// <summary>
/// Where one kind of place (residence or household registration) is taken from: the attributes that hold it, and
/// the facts to take it from, most authoritative first. Only current facts count: not ended by a snapshot and, when
/// they carry validity dates, valid on the day the profile is built.
/// </summary>
public sealed record PlaceRule
{
    /// <summary>The attribute holding the 12-digit division code; a fact without a valid one gives no place.</summary>
    public required string Division { get; init; }

    /// <summary>The attribute holding the grid within the community.</summary>
    public string? Grid { get; init; }

    /// <summary>The attribute holding the address.</summary>
    public string? Address { get; init; }

    /// <summary>An attribute whose date, when a fact has it, must not be after the day (a lease not yet begun).</summary>
    public string? ValidFrom { get; init; }

    /// <summary>An attribute whose date, when a fact has it, must not be before the day (an expired lease).</summary>
    public string? ValidTo { get; init; }

    /// <summary>The facts to take the place from, most authoritative first; within one entry the most recent wins.</summary>
    public IReadOnlyList<FactSelector> From { get; init; } = [];

    /// <summary>What happens when no listed fact gives the place: the most recent current fact of any source, or none.</summary>
    public SurvivorshipFallback Fallback { get; init; } = SurvivorshipFallback.None;
}
