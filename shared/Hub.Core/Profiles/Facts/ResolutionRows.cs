namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Row keys of the resolution rows kept in the facts table beside each person's facts. They follow the person's facts in
/// the same row-key range (<c>{personKey}|~…</c>), so the one partition read that merges a batch also tells, for free,
/// which person's profile a changed fact feeds.
/// </summary>
public static class ResolutionRows
{
    /// <summary>What separates the person key from the rest of a resolution row's key.</summary>
    public const string Marker = "|~";

    /// <summary>The link row: which golden person the key's records belong to, and how that was decided.</summary>
    public static string Link(string personKey) => $"{personKey}|~link";

    /// <summary>A member row in the golden person's range: one per key linked to it.</summary>
    public static string Member(string goldenKey, string memberKey) => $"{goldenKey}|~member|{memberKey}";

    /// <summary>The first row key of a golden person's member rows.</summary>
    public static string MembersStart(string goldenKey) => $"{goldenKey}|~member|";

    /// <summary>The index row: the resident-index rows written for a golden person with members.</summary>
    public static string Index(string goldenKey) => $"{goldenKey}|~index";

    /// <summary>The data key row: the key's data key, wrapped (see <c>DataKeyEntity</c>).</summary>
    public static string DataKey(string personKey) => $"{personKey}|~key";

    /// <summary>The view row: a copy of the key's own facts for person detail, or a marker that sends the reader to the facts.</summary>
    public static string View(string personKey) => $"{personKey}|~view";

    /// <summary>A history row; the time and a sequence keep a key's decisions in order.</summary>
    public static string History(string personKey, DateTimeOffset at, int sequence) => $"{personKey}|~history|{at.UtcTicks:D19}|{sequence:D3}";

    /// <summary>The first row key of a key's history rows.</summary>
    public static string HistoryStart(string personKey) => $"{personKey}|~history|";

    /// <summary>
    /// The row key just past a key's history rows ('}' follows '|'): the index, link, member and view rows sort after the
    /// history rows in the same range, so a history query must stop here rather than at the end of the person's range.
    /// </summary>
    public static string HistoryEnd(string personKey) => $"{personKey}|~history}}";

    /// <summary>True when <paramref name="rowKey"/> is a resolution row rather than a fact.</summary>
    public static bool IsResolutionRow(string rowKey) => rowKey.Contains(Marker, StringComparison.Ordinal);

    /// <summary>The person key a row (fact or resolution row) belongs to.</summary>
    public static string PersonKeyOf(string rowKey) => rowKey[..rowKey.IndexOf('|', StringComparison.Ordinal)];
}
