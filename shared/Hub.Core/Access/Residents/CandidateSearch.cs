namespace Hub.Core.Access.Residents;

/// <summary>
/// Where candidate search finds a person: the candidate index (its own table), one row per hashed blocking key, with
/// one column per person filed under the key holding that person's match records. A lookup is one point read per key
/// on every storage engine, never a query; a write adds or changes a person's column with a blind merge, batched by
/// partition, so filing a person reads nothing.
/// </summary>
/// <remarks>
/// The partition is <c>c</c> and the first hex digit of the hash (16 partitions, so a batch's merges fill whole
/// transactions), the row key the hash, a column <c>p{personKey}</c>. Inside the resident index's change sets a
/// person's entry travels as a row keyed <c>{hash}|{personKey}</c> in that partition, so it is derived, compared and
/// replaced like the person's other rows. A key is shared by few people (a birth date by about one person in 30,000
/// of the index, the rest by far fewer), well inside the 252 columns a table row can hold.
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>The prefix of a person's column in a key's row.</summary>
    public const string ColumnPrefix = "p";

    /// <summary>The partition of the row of <paramref name="hash"/>.</summary>
    public static string Partition(string hash) => "c" + hash[0];

    /// <summary>The key of <paramref name="personKey"/>'s entry under <paramref name="hash"/> in a change set.</summary>
    public static string EntryKey(string hash, string personKey) => $"{hash}|{personKey}";

    /// <summary>Whether <paramref name="partitionKey"/> holds candidate entries rather than a street's rows.</summary>
    public static bool Is(string partitionKey) => partitionKey.StartsWith('c');

    /// <summary>The hash an entry is filed under.</summary>
    public static string HashOf(string entryKey) => entryKey[..entryKey.IndexOf('|', StringComparison.Ordinal)];

    /// <summary>The column of <paramref name="personKey"/> in a key's row.</summary>
    public static string Column(string personKey) => ColumnPrefix + personKey;

    /// <summary>The person a column stands for.</summary>
    public static string PersonOf(string column) => column[ColumnPrefix.Length..];
}
