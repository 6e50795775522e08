using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// One row of the resident index, the Hub's division index. Partition: the street (街道, the first 9 digits of the
/// division code), so a street office's residents are one partition and a community or grid a row-key range:
/// <c>{community}|{grid}|{personKey}</c> for the places of a golden person's profile (residence and registration).
/// The same shape carries a provisional person's search rows (<see cref="ProvisionalSearch"/>) and, in change sets,
/// the person's candidate index entries (<see cref="CandidateSearch"/>), each with the match records candidate
/// scoring reads, so a record without a usable ID is matched without reading the candidates' facts.
/// </summary>
internal sealed class ResidentEntity : StoredEntity
{
    /// <summary>
    /// The upper bound of a street's resident rows: it sorts after every community code, so a list reads the range
    /// below it (rows of this prefix, kept by earlier versions for candidate search, are removed by reconciliation).
    /// </summary>
    public const string SearchOnlyPrefix = "~";

    /// <summary>The golden person.</summary>
    public string PersonKey { get; set; } = string.Empty;

    /// <summary>Which of the profile's places the row stands for: <c>residence</c>, <c>registration</c>, both comma-separated, or empty for a search-only row.</summary>
    public string Places { get; set; } = string.Empty;

    /// <summary>
    /// For a person with two rows (residence and registration in different places): the shortest division-code length
    /// (2, 4, 6, 9, 12; 13 for the grid) at which this row's place differs from the first row's. A list over a
    /// division of length L takes rows with <c>DistinctFrom le L</c>, so the person appears once. 0 on the first row.
    /// </summary>
    public int DistinctFrom { get; set; }

    /// <summary>False for a provisional person: records kept without a usable ID, matched to nobody.</summary>
    public bool Identified { get; set; } = true;

    /// <summary>Special-group memberships: <c>group:from:lastDay</c> (lastDay empty while open), semicolon-separated.</summary>
    public string Memberships { get; set; } = string.Empty;

    public string? HouseholdKey { get; set; }

    /// <summary>The profile's surviving name, so a list is one query; rendered per policy, never logged.</summary>
    public string? Name { get; set; }

    /// <summary>The source the name survives from: the access policy decides by source and attribute.</summary>
    public string? NameSource { get; set; }

    /// <summary>The register's status as the profile reads it (<c>active</c>, <c>deceased</c>, <c>movedout</c>); null when no source states one.</summary>
    public string? Status { get; set; }

    /// <summary>The date the register gives for a death or a move out, <c>yyyy-MM-dd</c>; null when it gives none.</summary>
    public string? StatusDate { get; set; }

    /// <summary>The first day a death or a move out holds, <c>yyyy-MM-dd</c>, so a list for any day filters on the row alone.</summary>
    public string? StatusSince { get; set; }

    /// <summary>The source the status comes from: the access policy decides by source and attribute.</summary>
    public string? StatusSource { get; set; }

    /// <summary>The match-relevant attributes of each distinct record of the person, as a JSON array of objects.</summary>
    public string Records { get; set; } = "[]";
}
