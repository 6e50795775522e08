using System.Text.Json;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The view row of a key (<c>{personKey}|~view</c>): a copy of the key's own facts, kept beside them by the merge that
/// changes them, so that person detail is one point read instead of a row-key range query (which Azurite answers by
/// scanning the table, and which costs more than a point read in Azure too). A golden person whose profile draws on
/// resolution rows holds a copy of their own and their members' facts (<see cref="PersonViewKind.Golden"/>), a key linked
/// elsewhere the golden person's key (<see cref="PersonViewKind.Linked"/>); both are written by the resolver once the rows
/// they follow from are written, and a marker (<see cref="PersonViewKind.Resolved"/>) stands in while those rows change.
/// A sealed copy carries the key's data key as its data key row holds it (<see cref="KeyId"/>, <see cref="Wrapped"/>),
/// so that it opens without a second read; the data key row stays the source of truth, and erasure deletes the view
/// with it (see <see cref="FactStore.ReadViewAsync"/>).
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
    /// sealed with the key's data key (see <see cref="DataKeyEntity"/>); null unless <see cref="Kind"/> is
    /// <see cref="PersonViewKind.Facts"/>. A row written before values were sealed holds the JSON itself.
    /// </summary>
    public string? Facts { get; set; }

    /// <summary>For <see cref="PersonViewKind.Golden"/>: the member keys whose facts the copy holds, one a line, in key order.</summary>
    public string? Members { get; set; }

    /// <summary>
    /// For <see cref="PersonViewKind.Golden"/>: the row keys of the golden person's own facts among those the copy holds,
    /// one a line, in key order, so the rebuild can read them by their keys; null in a copy from before it named them.
    /// </summary>
    public string? Own { get; set; }

    /// <summary>For <see cref="PersonViewKind.Linked"/>: the golden person the key's records belong to.</summary>
    public string? Golden { get; set; }

    /// <summary>
    /// With a sealed copy: the id of the key-encryption key that wraps <see cref="Wrapped"/>, as the key's data key row
    /// holds it. Null on a row that seals nothing, and on a copy written before views carried their key.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// With a sealed copy: the key's data key wrapped with <see cref="KeyId"/>, the same as its data key row, written in
    /// the same transaction as that row whenever it changes (a new key, a key-encryption key rotated).
    /// </summary>
    public string? Wrapped { get; set; }

    /// <summary>What begins the name of the column a marker over a copy adds (<see cref="MarkOver"/>); the rest is the mark.</summary>
    public const string MarkColumnPrefix = "Mark";

    // The facts' JSON in clear once opened or made; a private field, because the table client stores every public property.
    private string? _clear;

    // The marks of the markers put over the row since its copy was written (see MarkOver); read from the row, never written.
    private IReadOnlyList<string> _marks = [];

    // Methods, not properties: the table client stores every public property.

    /// <summary>True when the row holds the facts of the key's profile, so the profile can be built from it alone.</summary>
    public bool IsUsable() => Kind is PersonViewKind.Facts or PersonViewKind.Golden && Facts is not null;

    /// <summary>True for the marker of a key whose resolution rows are changing.</summary>
    public bool IsResolved() => Kind == PersonViewKind.Resolved;

    /// <summary>True for a copy of the key's own facts alone, as the merge writes it for a person without resolution rows.</summary>
    public bool IsOwnCopy() => Kind == PersonViewKind.Facts;

    /// <summary>The golden person a key linked elsewhere belongs to; null for any other row.</summary>
    public string? LinkedGolden() => Kind == PersonViewKind.Linked && !string.IsNullOrEmpty(Golden) ? Golden : null;

    /// <summary>The member keys whose facts a golden person's copy holds; empty for any other row.</summary>
    public IReadOnlyList<string> ReadMembers() =>
        Kind == PersonViewKind.Golden && Members is { } members ? Lines(members) : [];

    /// <summary>True when both rows say the same, whatever their keys and versions.</summary>
    public bool SameContent(PersonViewEntity other) =>
        Kind == other.Kind
        && string.Equals(ClearFacts(), other.ClearFacts(), StringComparison.Ordinal)
        && string.Equals(Members ?? string.Empty, other.Members ?? string.Empty, StringComparison.Ordinal)
        && string.Equals(Own, other.Own, StringComparison.Ordinal)
        && string.Equals(Golden ?? string.Empty, other.Golden ?? string.Empty, StringComparison.Ordinal)
        && string.Equals(KeyId ?? string.Empty, other.KeyId ?? string.Empty, StringComparison.Ordinal)
        && string.Equals(Wrapped ?? string.Empty, other.Wrapped ?? string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The data key a sealed copy carries, wrapped as its data key row holds it; null when the row seals nothing or its
    /// copy was written before views carried their key.
    /// </summary>
    public WrappedDataKey? CarriedKey() =>
        IsSealed() && !string.IsNullOrEmpty(KeyId) && !string.IsNullOrEmpty(Wrapped) ? new WrappedDataKey(KeyId, Wrapped) : null;

    /// <summary>True when the facts are sealed and need the key's data key to be read.</summary>
    public bool IsSealed() => Facts is { } facts && !IsLegacy(facts);

    /// <summary>Opens the sealed facts with the key's data key.</summary>
    public void Open(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _clear = IsSealed() ? key.Open(Facts!, RowKey) : Facts;
    }

    /// <summary>The facts the row holds; empty unless it <see cref="IsUsable"/>.</summary>
    public IReadOnlyList<FactView> ReadFacts() =>
        IsUsable() ? JsonSerializer.Deserialize<List<FactView>>(ClearFacts()!, StorageJson.Options) ?? [] : [];

    /// <summary>
    /// The rows a copy stands for, as the rebuild of a golden person reads them by their keys: the row keys of the key's
    /// own facts and the member keys, when the copy is provably what the key's rows held when it was written and no
    /// member has come or gone since without the rebuild knowing. That is a copy (<see cref="PersonViewKind.Facts"/>, or
    /// <see cref="PersonViewKind.Golden"/> naming its own facts) with nothing over it, or a copy under the one marker
    /// <paramref name="mark"/>, which the caller put there with the member rows it knows of, or with a link of the key to
    /// itself, which leaves its profile what the copy holds (<see cref="MarkOver"/>).
    /// Null for anything else: a marker written whole (its rows are changing), a copy under another writer's marker, a
    /// link, a row too large, a golden copy from before it named its own facts.
    /// </summary>
    /// <remarks>
    /// A member row is only ever added in the transaction that puts a marker over its golden person's view, and only
    /// taken away after a marker written whole; a copy is written whole (which takes every mark away), guarded by the
    /// version read with the rows it follows from. So a copy with no mark was written after the last member change,
    /// save a removal under way, which the caller's point read of each member row finds.
    /// </remarks>
    public (IReadOnlyList<string> OwnFacts, IReadOnlyList<string> Members)? HeldRows(string? mark)
    {
        var held = Kind is PersonViewKind.Facts or PersonViewKind.Golden
            ? _marks.Count == 0
            : Kind == PersonViewKind.Resolved && mark is not null && _marks.Count == 1 && _marks[0] == mark;
        if (!held || Facts is null)
        {
            return null;
        }

        if (Members is null)
        {
            // A copy of the key's own facts alone, written while the key had no member rows.
            return ([.. ReadHeldFacts().Select(c => FactEntity.RowKeyOf(PersonKey, c))], []);
        }

        return Own is null ? null : (Lines(Own), Lines(Members));
    }

    /// <summary>
    /// The facts the copy holds, with or without a marker over it (see <see cref="HeldRows"/>, which says when they are
    /// what the key's rows held); empty for a row that holds no copy.
    /// </summary>
    public IReadOnlyList<FactView> ReadHeldFacts() =>
        Facts is null ? [] : JsonSerializer.Deserialize<List<FactView>>(ClearFacts()!, StorageJson.Options) ?? [];

    /// <summary>
    /// The marker a write of new member rows puts over the golden person's view, in the same transaction: it makes the
    /// row a marker and adds the column of <paramref name="mark"/>, and leaves the copy under it, so the rebuild that
    /// follows can still read the rows by their keys (see <see cref="HeldRows"/>).
    /// </summary>
    public static EntityChange MarkOver(string personKey, string mark) =>
        EntityChange.MergeColumns(Kernel.PersonKey.Parse(personKey).PartitionKey, ResolutionRows.View(personKey), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(PersonKey)] = personKey,
            [nameof(Kind)] = PersonViewKind.Resolved,
            [MarkColumnPrefix + mark] = mark,
        });

    /// <summary>
    /// The view of a key whose profile is its own facts: a copy of them sealed with <paramref name="key"/>, carrying it
    /// as <paramref name="wrapped"/> (as its data key row holds it), or a row marked too large.
    /// </summary>
    public static PersonViewEntity Of(string personKey, IEnumerable<FactView> facts, DataKey key, WrappedDataKey wrapped) =>
        Of(personKey, facts, key, wrapped, members: null, own: null);

    /// <summary>
    /// The view of a golden person: a copy of their own facts and their members' (<paramref name="facts"/>), with the
    /// member keys and the row keys of their own facts (<paramref name="own"/>), sealed with the golden person's
    /// <paramref name="key"/> and carrying it as <paramref name="wrapped"/>; or a row marked too large.
    /// </summary>
    public static PersonViewEntity OfGolden(string personKey, IEnumerable<FactView> facts, IEnumerable<string> members, IEnumerable<string> own, DataKey key, WrappedDataKey wrapped) =>
        Of(personKey, facts, key, wrapped, members.Order(StringComparer.Ordinal).ToList(), own.Order(StringComparer.Ordinal).ToList());

    /// <summary>The view of a key whose records belong to <paramref name="golden"/>: where its profile is read.</summary>
    public static PersonViewEntity LinkedTo(string personKey, string golden)
    {
        var view = New(personKey, PersonViewKind.Linked, facts: null);
        view.Golden = golden;
        return view;
    }

    private static PersonViewEntity Of(string personKey, IEnumerable<FactView> facts, DataKey key, WrappedDataKey wrapped, IReadOnlyList<string>? members, IReadOnlyList<string>? own)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(wrapped);

        // Ordered, with sorted attributes, so the same facts always give the same text and an unchanged view is not rewritten.
        var json = JsonSerializer.Serialize(
            facts
                .Select(f => f with { Attributes = new SortedDictionary<string, string>(f.Attributes.ToDictionary(), StringComparer.Ordinal) })
                .OrderBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.Discriminator, StringComparer.Ordinal).ToList(),
            StorageJson.Options);
        var view = New(personKey, members is null ? PersonViewKind.Facts : PersonViewKind.Golden, facts: null);
        var sealedFacts = key.Seal(json, view.RowKey);
        var memberLines = members is null ? null : string.Join('\n', members);
        var ownLines = own is null ? null : string.Join('\n', own);
        if (sealedFacts.Length > MaxFactsLength || memberLines?.Length > MaxFactsLength || ownLines?.Length > MaxFactsLength)
        {
            return New(personKey, PersonViewKind.TooLarge, facts: null);
        }

        view.Facts = sealedFacts;
        view.Members = memberLines;
        view.Own = ownLines;
        view.KeyId = wrapped.KeyId;
        view.Wrapped = wrapped.Wrapped;
        view._clear = json;
        return view;
    }

    /// <summary>The marker of a key with resolution rows.</summary>
    public static PersonViewEntity Resolved(string personKey) => New(personKey, PersonViewKind.Resolved, facts: null);

    public static PersonViewEntity FromRow(StoredRow row) => row.Fill(new PersonViewEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        Kind = row.GetString(nameof(Kind)) ?? string.Empty,
        Facts = row.GetString(nameof(Facts)),
        Members = row.GetString(nameof(Members)),
        Own = row.GetString(nameof(Own)),
        Golden = row.GetString(nameof(Golden)),
        KeyId = row.GetString(nameof(KeyId)),
        Wrapped = row.GetString(nameof(Wrapped)),
        _marks = [.. row.TextColumns(MarkColumnPrefix).Keys.Select(c => c[MarkColumnPrefix.Length..])],
    });

    private static string[] Lines(string lines) => lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // A JSON array, never a sealed box (base64 has no '[').
    private static bool IsLegacy(string facts) => facts.StartsWith('[');

    private string? ClearFacts() =>
        IsSealed() ? _clear ?? throw new SealedValueException("A person view was read before it was opened.") : Facts;

    private static PersonViewEntity New(string personKey, string kind, string? facts) => new()
    {
        PartitionKey = Kernel.PersonKey.Parse(personKey).PartitionKey,
        RowKey = ResolutionRows.View(personKey),
        PersonKey = personKey,
        Kind = kind,
        Facts = facts,
    };
}
