using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Facts;

/// <summary>
/// One source record about one person. Partition: the person key's partition (<c>p000</c>–<c>p3ff</c>); row:
/// <c>{source}|{personKey}|{discriminator}</c>, so one source's facts in a partition are one row-key range.
/// </summary>
internal sealed class FactEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string PersonKey { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    /// <summary>False when the record came without a usable ID number and <see cref="PersonKey"/> is provisional.</summary>
    public bool Identified { get; set; } = true;

    /// <summary>Attribute → normalised value, as JSON.</summary>
    public string Attributes { get; set; } = "{}";

    /// <summary>Hash of <see cref="Attributes"/>: an unchanged record is recognised without comparing values.</summary>
    public string ContentHash { get; set; } = string.Empty;

    public string FirstBatch { get; set; } = string.Empty;

    /// <summary>The batch that last changed the fact; a resumed batch recognises its own earlier writes by it.</summary>
    public string LastBatch { get; set; } = string.Empty;

    /// <summary>What <see cref="LastBatch"/> did: one of <see cref="FactChange"/>.</summary>
    public string LastChange { get; set; } = string.Empty;

    public long SourceRow { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a snapshot stopped containing the record; the fact stays, end-dated.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public static string RowKeyFor(string source, string personKey, string discriminator) => $"{source}|{personKey}|{discriminator}";

    /// <summary>The first row key of a source's range in a partition.</summary>
    public static string SourceRangeStart(string source) => source + "|";

    /// <summary>The row key just after a source's range: '}' follows '|'.</summary>
    public static string SourceRangeEnd(string source) => source + "}";
}
