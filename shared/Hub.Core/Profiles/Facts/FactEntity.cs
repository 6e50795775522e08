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

    /// <summary>Attribute → normalised value, as JSON: the attributes the source does not count as sensitive.</summary>
    public string Attributes { get; set; } = "{}";

    /// <summary>
    /// The sensitive attributes (level 3 and 4, and the ID number), as JSON sealed with the person's data key for this
    /// row (see <see cref="Protection.DataKey"/>); null when the record has none.
    /// </summary>
    public string? Sealed { get; set; }

    /// <summary>
    /// Keyed hash (with the person's data key) of every attribute: an unchanged record is recognised without comparing
    /// values, and the hash tells nothing about a value to someone without the key.
    /// </summary>
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

    /// <summary>The row key of the fact a view's <paramref name="copy"/> stands for (a copy keeps its discriminator unescaped).</summary>
    public static string RowKeyOf(string personKey, FactView copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return RowKeyFor(copy.Source, personKey, Uri.EscapeDataString(copy.Discriminator));
    }

    /// <summary>The first row key of a person's range.</summary>
    public static string PersonRangeStart(string personKey) => personKey + "|";

    /// <summary>The row key just after a person's range: '}' follows '|'.</summary>
    public static string PersonRangeEnd(string personKey) => personKey + "}";

    // The sealed attributes once opened; a private field, because the table client stores every public property.
    private IReadOnlyDictionary<string, string>? _opened;

    /// <summary>Opens <see cref="Sealed"/> with the person's data key, so <see cref="ToView"/> gives every attribute.</summary>
    public void Open(Protection.DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _opened = Sealed is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(key.Open(Sealed, RowKey), StorageJson.Options);
    }

    /// <summary>
    /// Sets <see cref="Attributes"/> and <see cref="Sealed"/> to what <see cref="FactSealing.Seal"/> just made, opened
    /// already with the values it sealed: opening them again with the key would give the same values.
    /// </summary>
    public void SetSealed((string Clear, string? Sealed, IReadOnlyDictionary<string, string>? Opened) sealing)
    {
        (Attributes, Sealed, _opened) = sealing;
    }

    /// <summary>The fact as the profile builder reads it; the discriminator is the last part of its row key.</summary>
    public FactView ToView()
    {
        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes, StorageJson.Options) ?? [];
        if (Sealed is not null)
        {
            foreach (var (attribute, value) in _opened ?? throw new Protection.SealedValueException("A fact's sealed attributes were read before they were opened."))
            {
                attributes[attribute] = value;
            }
        }

        var discriminator = Uri.UnescapeDataString(RowKey[(RowKey.LastIndexOf('|') + 1)..]);
        return new FactView(Source, discriminator, attributes, LastBatch, UpdatedAt, EndedAt, FirstSeenAt, Identified);
    }

    /// <summary>
    /// The fact as its person's view holds a copy of it, for planning a merge that does not read the row: every
    /// attribute in clear, no version. Such a fact is read, never written.
    /// </summary>
    public static FactEntity FromCopy(string partitionKey, string personKey, FactView copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return new FactEntity
        {
            PartitionKey = partitionKey,
            RowKey = RowKeyOf(personKey, copy),
            PersonKey = personKey,
            Source = copy.Source,
            Identified = copy.Identified,
            Attributes = JsonSerializer.Serialize(copy.Attributes, StorageJson.Options),
            LastBatch = copy.LastBatch,
            UpdatedAt = copy.UpdatedAt,
            EndedAt = copy.EndedAt,
            FirstSeenAt = copy.FirstSeenAt ?? copy.UpdatedAt,
        };
    }

    /// <summary>True when <paramref name="copy"/> (from the person's view) says what this fact says.</summary>
    public bool Matches(FactView copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var fact = ToView();
        return fact.Source == copy.Source
            && fact.Discriminator == copy.Discriminator
            && fact.LastBatch == copy.LastBatch
            && fact.Identified == copy.Identified
            && fact.EndedAt.HasValue == copy.EndedAt.HasValue
            && fact.Attributes.Count == copy.Attributes.Count
            && fact.Attributes.All(a => copy.Attributes.TryGetValue(a.Key, out var value) && value == a.Value);
    }

    /// <summary>Reads a fact from a row of a partition query that returned rows of every kind.</summary>
    public static FactEntity FromRow(StoredRow row) => row.Fill(new FactEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        Source = row.GetString(nameof(Source)) ?? string.Empty,
        Identified = row.GetBoolean(nameof(Identified)) ?? true,
        Attributes = row.GetString(nameof(Attributes)) ?? "{}",
        Sealed = row.GetString(nameof(Sealed)),
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
