namespace Hub.Core.Access.Residents;

/// <summary>
/// Where a provisional person (records kept without a usable ID, linked to nobody) is found by the persons who arrive
/// after them: one row per blocking key of their records, in the resident table, keyed by the key's hash. A person who
/// arrives, identified or not, looks up the hashes of their own blocking keys here, so a provisional person they could
/// be a candidate for is matched again whatever order the two came in. Candidate search is symmetric (two records share
/// a key or they do not), so these rows find exactly the persons whose own search would find the newcomer.
/// </summary>
/// <remarks>
/// The partition is <c>p</c> and the first two hex digits of the hash: 256 partitions, so a batch's lookups group into
/// few range reads, and never a street code (digits), so no list reads them. The row key is <c>{hash}|{personKey}</c>.
/// A person has these rows only while provisional; they come and go with the person's other resident rows.
/// </remarks>
internal static class ProvisionalSearch
{
    /// <summary>The first provisional partition.</summary>
    public const string FirstPartition = "p00";

    /// <summary>Sorts after every provisional partition.</summary>
    public const string PartitionsEnd = "q";

    /// <summary>The partition of the search rows under <paramref name="hash"/>.</summary>
    public static string Partition(string hash) => "p" + hash[..2];

    /// <summary>The key of <paramref name="personKey"/>'s search row under <paramref name="hash"/>.</summary>
    public static string RowKey(string hash, string personKey) => $"{hash}|{personKey}";

    /// <summary>Whether <paramref name="partitionKey"/> holds provisional search rows rather than a street's.</summary>
    public static bool Is(string partitionKey) => partitionKey.StartsWith('p');

    /// <summary>The hash a search row is filed under.</summary>
    public static string HashOf(string rowKey) => rowKey[..rowKey.IndexOf('|', StringComparison.Ordinal)];
}
