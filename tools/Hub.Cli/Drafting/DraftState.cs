using System.Globalization;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Cli.Drafting;

/// <summary>A draft being made: the columns' profiles, the fields proposed so far and what became of each column.</summary>
internal sealed class DraftState
{
    private readonly Dictionary<string, (DraftOutcome Outcome, List<string> Attributes, string Reason)> _fates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mapped = new(StringComparer.Ordinal);
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);
    private readonly List<DraftField> _fields = [];
    private readonly List<DraftCodeList> _codeLists = [];
    private List<ResidentId?>? _rowIds;

    public DraftState(DraftSample sample, AttributeKnowledge knowledge, DateOnly today)
    {
        Sample = sample;
        Knowledge = knowledge;
        Today = today;
        Profiles = [.. sample.Columns.Select((column, i) => new ColumnProfile(column, i + 1, today) { Nested = sample.Nested.GetValueOrDefault(column) })];
        foreach (var row in sample.Rows)
        {
            foreach (var profile in Profiles)
            {
                if (row.TryGetValue(profile.Column, out var value))
                {
                    profile.Add(value);
                }
            }
        }
    }

    public DraftSample Sample { get; }

    public AttributeKnowledge Knowledge { get; }

    public DateOnly Today { get; }

    public IReadOnlyList<ColumnProfile> Profiles { get; }

    /// <summary>The columns nothing has been decided for yet, in order.</summary>
    public IEnumerable<ColumnProfile> Open => Profiles.Where(p => !_fates.ContainsKey(p.Column));

    /// <summary>The column that keys the person; null for a source without one.</summary>
    public ColumnProfile? IdColumn { get; set; }

    /// <summary>How many digits follow the ID number in <see cref="IdColumn"/>'s values; 0 when it holds the ID alone.</summary>
    public int IdSuffix { get; set; }

    public SourceIdentity Identity { get; set; } = SourceIdentity.None;

    public string IdentityReason { get; set; } = string.Empty;

    public IReadOnlyList<DraftField> Fields => _fields;

    public IReadOnlyList<DraftCodeList> CodeLists => _codeLists;

    /// <summary>Each row's usable ID number (null where it has none), from <see cref="IdColumn"/>.</summary>
    public IReadOnlyList<ResidentId?> RowIds => _rowIds ??= [.. Sample.Rows.Select(IdOf)];

    /// <summary>The header as the draft may show it: a header that is empty or looks like a value is named by position.</summary>
    public static string Show(ColumnProfile profile) => IsNamed(profile)
        ? profile.Column
        : string.Create(CultureInfo.InvariantCulture, $"(column {profile.Number})");

    /// <summary>Whether the header is a name the draft may use and show.</summary>
    public static bool IsNamed(ColumnProfile profile) => !string.IsNullOrWhiteSpace(profile.Column) && !ValueShapes.LooksLikeValue(profile.Column);

    /// <summary>Whether a mapped field feeds the attribute.</summary>
    public bool IsMapped(string attribute) => _mapped.ContainsKey(attribute);

    /// <summary>Whether a field, mapped or suggested, feeds the attribute.</summary>
    public bool IsTaken(string attribute) => _mapped.ContainsKey(attribute) || _suggested.Contains(attribute);

    /// <summary>The column a mapped attribute comes from.</summary>
    public string? ColumnOf(string attribute) => _mapped.GetValueOrDefault(attribute);

    /// <summary>What is known of the attribute; for one no mapping maps, a conservative default (l2, shared for a purpose).</summary>
    public KnownAttribute Known(string attribute, FieldType type) => Knowledge.TryGet(attribute, out var known)
        ? known
        : new KnownAttribute(attribute, type, Sensitivity.L2, SharingType.Conditional, false, null, new Dictionary<string, string>(), []);

    /// <summary>A field reading the whole column into the attribute, with the attribute's type, sensitivity and sharing.</summary>
    public static FieldMapping FieldFor(KnownAttribute attribute, string column) => new()
    {
        Column = column,
        Attribute = attribute.Name,
        Type = attribute.Type,
        Required = attribute.Required,
        Sensitivity = attribute.Sensitivity,
        Sharing = attribute.Sharing,
    };

    /// <summary>Adds a field read from <paramref name="profile"/> (null for a template) and notes the column's fate.</summary>
    public void Add(ColumnProfile? profile, FieldMapping field, DraftOutcome outcome, string reason, double order)
    {
        // A JSON key some records lack is still mapped; the reason says how many carry it.
        if (profile is not null && profile.Present < Sample.Rows.Count)
        {
            reason += string.Create(CultureInfo.InvariantCulture, $"; the key is in {profile.Present:N0} of the {Sample.Rows.Count:N0} records");
        }

        _fields.Add(new DraftField(field, outcome, reason, order));
        if (outcome == DraftOutcome.Mapped)
        {
            _mapped[field.Attribute] = profile?.Column ?? string.Empty;
        }
        else
        {
            _suggested.Add(field.Attribute);
        }

        if (profile is not null)
        {
            Fate(profile, outcome, field.Attribute, reason);
        }
    }

    /// <summary>Notes a column that feeds a field it does not read alone (a template's part).</summary>
    public void Fate(ColumnProfile profile, DraftOutcome outcome, string attribute, string reason)
    {
        if (_fates.TryGetValue(profile.Column, out var fate))
        {
            fate.Attributes.Add(attribute);
            _fates[profile.Column] = (fate.Outcome < outcome ? fate.Outcome : outcome, fate.Attributes, fate.Reason);
            return;
        }

        _fates[profile.Column] = (outcome, [attribute], reason);
    }

    public void Ignore(ColumnProfile profile, string reason) => _fates.TryAdd(profile.Column, (DraftOutcome.Ignored, [], reason));

    /// <summary>Adds a code list under <paramref name="name"/>, or under a name made unique from it; returns the name used.</summary>
    public string AddCodeList(string name, IReadOnlyList<KeyValuePair<string, string>> entries, string reason)
    {
        var unique = name;
        for (var n = 2; _codeLists.Any(l => l.Name == unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{name}{n}");
        }

        _codeLists.Add(new DraftCodeList(unique, entries, reason));
        return unique;
    }

    /// <summary>Every column in order with its fate; a column left open is ignored with <paramref name="otherwise"/>.</summary>
    public IReadOnlyList<DraftedColumn> Columns(string otherwise) => [.. Profiles.Select(p => _fates.TryGetValue(p.Column, out var fate)
        ? new DraftedColumn(Show(p), fate.Outcome, fate.Attributes, fate.Reason)
        : new DraftedColumn(Show(p), DraftOutcome.Ignored, [], otherwise))];

    private ResidentId? IdOf(IReadOnlyDictionary<string, string?> row)
    {
        if (IdColumn is null || row.GetValueOrDefault(IdColumn.Column) is not { } value)
        {
            return null;
        }

        if (IdSuffix > 0)
        {
            return ValueShapes.IdSuffixLength(value, out var inside) == IdSuffix ? inside : null;
        }

        return ResidentId.TryParse(value, out var id, out _) ? id : null;
    }
}
