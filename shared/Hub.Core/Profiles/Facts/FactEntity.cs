using System.Text.Json;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// One source record about one person. Partition: the person key's partition (<c>p000</c>–<c>p3ff</c>); row:
/// <c>{personKey}|{source}|{discriminator}</c>, so all of a person's facts are one row-key range and a profile is
/// built on read from one query. The same range ends with the person's resolution rows (<c>{personKey}|~…</c>, see
/// <see cref="ResolutionRows"/>): '~' sorts after every source id.
/// </summary>
internal sealed class FactEntity : StoredEntity
{
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

    public static string RowKeyFor(string source, string personKey, string discriminator) => $"{personKey}|{source}|{discriminator}";

    /// <summary>The first row key of a person's range.</summary>
    public static string PersonRangeStart(string personKey) => personKey + "|";

    /// <summary>The row key just after a person's range: '}' follows '|'.</summary>
    public static string PersonRangeEnd(string personKey) => personKey + "}";

    /// <summary>The fact as the profile builder reads it; the discriminator is the last part of its row key.</summary>
    public FactView ToView()
    {
        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes, StorageJson.Options) ?? [];
        var discriminator = Uri.UnescapeDataString(RowKey[(RowKey.LastIndexOf('|') + 1)..]);
        return new FactView(Source, discriminator, attributes, LastBatch, UpdatedAt, EndedAt, FirstSeenAt, Identified);
    }

    /// <summary>Reads a fact from a row of a partition query that returned rows of every kind.</summary>
    public static FactEntity FromRow(StoredRow row) => row.Fill(new FactEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        Source = row.GetString(nameof(Source)) ?? string.Empty,
        Identified = row.GetBoolean(nameof(Identified)) ?? true,
        Attributes = row.GetString(nameof(Attributes)) ?? "{}",
        ContentHash = row.GetString(nameof(ContentHash)) ?? string.Empty,
        FirstBatch = row.GetString(nameof(FirstBatch)) ?? string.Empty,
        LastBatch = row.GetString(nameof(LastBatch)) ?? string.Empty,
        LastChange = row.GetString(nameof(LastChange)) ?? string.Empty,
        SourceRow = row.GetInt64(nameof(SourceRow)) ?? 0,
        FirstSeenAt = row.GetDateTimeOffset(nameof(FirstSeenAt)) ?? default,
        UpdatedAt = row.GetDateTimeOffset(nameof(UpdatedAt)) ?? default,
        EndedAt = row.GetDateTimeOffset(nameof(EndedAt)),
    });
}
