using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The index row of a golden person with members (<c>{golden}|~index</c>): the resident-index rows last written for
/// them. A person without members needs none, because their rows follow from their own facts, which the merge reads;
/// a golden person's rows also follow from their members' facts, which live in other partitions.
/// </summary>
internal sealed class IndexRowsEntity : StoredEntity
{
    /// <summary>The rows, as <c>partition/row</c> lines.</summary>
    public string Rows { get; set; } = string.Empty;

    // A method, not a property: the table client would try to store a property.
    public IReadOnlyList<(string PartitionKey, string RowKey)> GetKeys() =>
        Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (l[..l.IndexOf('/', StringComparison.Ordinal)], l[(l.IndexOf('/', StringComparison.Ordinal) + 1)..])).ToList();

    public static string Format(IEnumerable<(string PartitionKey, string RowKey)> keys) => string.Join('\n', keys.Select(k => $"{k.PartitionKey}/{k.RowKey}"));

    public static IndexRowsEntity FromRow(StoredRow row) => row.Fill(new IndexRowsEntity
    {
        Rows = row.GetString(nameof(Rows)) ?? string.Empty,
    });
}
