using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// One row of the resident index, the Hub's division index. Partition: the street (街道, the first 9 digits of the
/// division code), so a street office's residents are one partition and a community or grid a row-key range:
/// <c>{community}|{grid}|{personKey}</c> for the places of a golden person's profile (residence and registration),
/// and <c>~{personKey}</c> for a street that only some record mentions (a department that still holds an old
/// address), which serves candidate search and no list. The row also carries what candidate search scores, so a
/// record without a usable ID is matched without reading the candidates' facts.
/// </summary>
internal sealed class ResidentEntity : StoredEntity
{
    /// <summary>The prefix of rows that serve candidate search only; it sorts after every community code.</summary>
    public const string SearchOnlyPrefix = "~";

    /// <summary>The number of blocking-key columns a row has.</summary>
    public const int BlockColumns = 6;

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

    public string? Status { get; set; }

    /// <summary>Keyed hashes of the blocking keys of the person's records in this street; unused columns are null.</summary>
    public string? Block1 { get; set; }

    public string? Block2 { get; set; }

    public string? Block3 { get; set; }

    public string? Block4 { get; set; }

    public string? Block5 { get; set; }

    public string? Block6 { get; set; }

    /// <summary>The match-relevant attributes of each distinct record of the person, as a JSON array of objects.</summary>
    public string Records { get; set; } = "[]";

    public void SetBlocks(IReadOnlyList<string> blocks)
    {
        Block1 = blocks.ElementAtOrDefault(0);
        Block2 = blocks.ElementAtOrDefault(1);
        Block3 = blocks.ElementAtOrDefault(2);
        Block4 = blocks.ElementAtOrDefault(3);
        Block5 = blocks.ElementAtOrDefault(4);
        Block6 = blocks.ElementAtOrDefault(5);
    }
}
