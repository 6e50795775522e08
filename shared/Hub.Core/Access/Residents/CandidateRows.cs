namespace Hub.Core.Access.Residents;

/// <summary>
/// The candidate index: one row per blocking key (<see cref="Identity.Matching.BlockingKeys"/>) of every golden person's
/// records, in the resident table, filed under the key's hash with the person's match records, so candidate search
/// is a range read per key (never a scan), anywhere in the city, and scoring reads no facts. Search is symmetric (two
/// records share a key or they do not), so the same rows also find the provisional persons a newcomer could match.
/// </summary>
/// <remarks>
/// The partition is <c>c</c> and the first two hex digits of the hash: 256 partitions, so a batch's rows fill whole
/// transactions and its searches group into few reads, and never a street code (digits), so no list reads them. The
/// row key is <c>{hash}|{personKey}</c>. The rows come and go with the person's other resident rows.
/// </remarks>
internal static class CandidateRows
{
    /// <summary>The partition of the rows under <paramref name="hash"/>.</summary>
    public static string Partition(string hash) => "c" + hash[..2];

    /// <summary>The key of <paramref name="personKey"/>'s row under <paramref name="hash"/>.</summary>
    public static string RowKey(string hash, string personKey) => $"{hash}|{personKey}";

    /// <summary>Whether <paramref name="partitionKey"/> holds candidate rows rather than a street's residents.</summary>
    public static bool Is(string partitionKey) => partitionKey.StartsWith('c');

    /// <summary>The hash a row is filed under.</summary>
    public static string HashOf(string rowKey) => rowKey[..rowKey.IndexOf('|', StringComparison.Ordinal)];
}
