using System.Text.Json;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The view row of a key (<c>{personKey}|~view</c>): a copy of the key's own facts, kept beside them by the merge that
/// changes them, so that person detail is one point read instead of a row-key range query (which Azurite answers by
/// scanning the table, and which costs more than a point read in Azure too). A key whose profile draws on resolution
/// rows holds a marker instead (<see cref="PersonViewKind.Resolved"/>), and its reader reads the facts as before.
/// </summary>
internal sealed class PersonViewEntity : StoredEntity
{
    /// <summary>
    /// The longest sealed copy kept. A string property holds 64 KiB of UTF-16, 32,768 characters; a person with more
    /// facts than that is rare, and is read from the facts.
    /// </summary>
    public const int MaxFactsLength = 30_000;

    public string PersonKey { get; set; } = string.Empty;

    /// <summary>One of <see cref="PersonViewKind"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>
    /// The key's facts as a JSON array of <see cref="FactView"/> (attributes sorted), in source and discriminator order,
    /// sealed with the key's data key; null unless <see cref="Kind"/> is <see cref="PersonViewKind.Facts"/>. A row written
    /// before values were sealed holds the JSON itself. A marker's empty text reads as null.
    /// </summary>
    public string? Facts
    {
        get => _facts;
        set => _facts = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The id of the key-encryption key that wraps <see cref="DataKey"/>.</summary>
    public string? DataKeyId { get; set; }

    /// <summary>
    /// The key's data key, wrapped: it seals the key's facts and this view. It lives on the view row, which person
    /// detail reads anyway and every merge that changes the facts reads and writes with them; erasing the row makes
    /// every sealed copy of the person's values unreadable.
    /// </summary>
    public string? DataKey { get; set; }

    private string? _facts;

    // The facts' JSON in clear once opened or made; a private field, because the table client stores every public property.
    private string? _clear;

    // Methods, not properties: the table client stores every public property.

    /// <summary>True when the row holds the key's facts, so the profile can be built from it alone.</summary>
    public bool IsUsable() => Kind == PersonViewKind.Facts && Facts is not null;

    /// <summary>True for the marker of a key with resolution rows.</summary>
    public bool IsResolved() => Kind == PersonViewKind.Resolved;

    /// <summary>The key's data key as stored; null on a row written before values were sealed.</summary>
    public WrappedDataKey? WrappedKey() => DataKeyId is { } id && DataKey is { } wrapped ? new WrappedDataKey(id, wrapped) : null;

    /// <summary>True when both rows say the same and carry the same data key, whatever their row keys and versions.</summary>
    public bool SameContent(PersonViewEntity other) =>
        Kind == other.Kind && string.Equals(ClearFacts(), other.ClearFacts(), StringComparison.Ordinal)
        && DataKeyId == other.DataKeyId && DataKey == other.DataKey;

    /// <summary>Opens the sealed facts with the key's data key.</summary>
    public void Open(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _clear = Facts is null || IsLegacy(Facts) ? Facts : key.Open(Facts, RowKey);
    }

    /// <summary>The facts the row holds; empty unless it <see cref="IsUsable"/>.</summary>
    public IReadOnlyList<FactView> ReadFacts() =>
        IsUsable() ? JsonSerializer.Deserialize<List<FactView>>(ClearFacts()!, StorageJson.Options) ?? [] : [];

    /// <summary>The view of a key whose profile is its own facts: a sealed copy of them, or a row marked too large.</summary>
    public static PersonViewEntity Of(string personKey, IEnumerable<FactView> facts, DataKey key, WrappedDataKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(wrapped);

        // Ordered, with sorted attributes, so the same facts always give the same text and an unchanged view is not rewritten.
        var json = JsonSerializer.Serialize(
            facts
                .Select(f => f with { Attributes = new SortedDictionary<string, string>(f.Attributes.ToDictionary(), StringComparer.Ordinal) })
                .OrderBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.Discriminator, StringComparer.Ordinal).ToList(),
            StorageJson.Options);
        var view = New(personKey, PersonViewKind.Facts, facts: null, wrapped);
        var sealedFacts = key.Seal(json, view.RowKey);
        if (sealedFacts.Length > MaxFactsLength)
        {
            return New(personKey, PersonViewKind.TooLarge, facts: null, wrapped);
        }

        view.Facts = sealedFacts;
        view._clear = json;
        return view;
    }

    /// <summary>The marker of a key with resolution rows.</summary>
    public static PersonViewEntity Resolved(string personKey, WrappedDataKey? wrapped) => New(personKey, PersonViewKind.Resolved, facts: null, wrapped);

    /// <summary>
    /// Turns the key's view row into a marker, keeping the data key it carries (a merge of columns, not a replacement):
    /// the key's facts stay sealed with it.
    /// </summary>
    public static EntityChange Marking(string personKey) =>
        EntityChange.MergeColumns(
            Kernel.PersonKey.Parse(personKey).PartitionKey,
            ResolutionRows.View(personKey),
            new Dictionary<string, string>(StringComparer.Ordinal) { [nameof(PersonKey)] = personKey, [nameof(Kind)] = PersonViewKind.Resolved, [nameof(Facts)] = string.Empty });

    public static PersonViewEntity FromRow(StoredRow row) => row.Fill(new PersonViewEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        Kind = row.GetString(nameof(Kind)) ?? string.Empty,
        Facts = row.GetString(nameof(Facts)),
        DataKeyId = row.GetString(nameof(DataKeyId)),
        DataKey = row.GetString(nameof(DataKey)),
    });

    // A JSON array, never a sealed box (base64 has no '[').
    private static bool IsLegacy(string facts) => facts.StartsWith('[');

    private string? ClearFacts() =>
        Facts is null ? null
        : IsLegacy(Facts) ? Facts
        : _clear ?? throw new SealedValueException("A person view was read before it was opened.");

    private static PersonViewEntity New(string personKey, string kind, string? facts, WrappedDataKey? wrapped) => new()
    {
        PartitionKey = Kernel.PersonKey.Parse(personKey).PartitionKey,
        RowKey = ResolutionRows.View(personKey),
        PersonKey = personKey,
        Kind = kind,
        Facts = facts,
        DataKeyId = wrapped?.KeyId,
        DataKey = wrapped?.Wrapped,
    };
}
