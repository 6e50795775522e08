namespace Hub.Core.Access.Residents;

/// <summary>How much of the resident index a Hub process keeps in memory for division lists.</summary>
public sealed class ResidentRosterOptions
{
    /// <summary>Configuration section: <c>Hub:Residents</c>.</summary>
    public const string SectionName = "Hub:Residents";

    /// <summary>
    /// The most resident rows the street rosters hold at once, over all streets; the least recently used streets
    /// make room. A row takes about half a kilobyte. Default 400,000 (about 200 MB): two rows a person for 200,000 persons.
    /// </summary>
    public int RosterCacheRows { get; set; } = 400_000;
}
