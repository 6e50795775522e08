using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Profiles.Facts;

/// <summary>A member row (<c>{golden}|~member|{member}</c>): a key whose records belong to the golden person.</summary>
internal sealed class MemberEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Golden { get; set; } = string.Empty;

    public string Member { get; set; } = string.Empty;

    public static MemberEntity FromRow(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        ETag = row.ETag,
        Golden = row.GetString(nameof(Golden)) ?? string.Empty,
        Member = row.GetString(nameof(Member)) ?? string.Empty,
    };
}
