using System.Text.Json.Serialization;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Sources;

/// <summary>
/// A departmental feed layout, loaded from a mapping file: which column feeds which attribute, how to read it,
/// and the department's code lists. Onboarding a new layout is a new file, never a code change.
/// </summary>
public sealed record SourceMapping
{
    /// <summary>The source identifier used in URLs and tokens, e.g. <c>civil-affairs</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A human name for the layout.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The department that owns the source, e.g. <c>民政</c>.</summary>
    public required string Department { get; init; }

    /// <summary>The encoding of CSV files that carry neither a charset nor a BOM: <c>auto</c>, <c>utf-8</c> or <c>gb18030</c>.</summary>
    public string Encoding { get; init; } = "auto";

    /// <summary>Extra date formats this department uses, tried before the built-in ones.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>
    /// Attributes that tell apart several records of one person in this source (e.g. the assistance type when one
    /// person receives two kinds of assistance). Empty: one record per person.
    /// </summary>
    public IReadOnlyList<string> RecordKey { get; init; } = [];

    /// <summary>
    /// Whether a record without a usable ID number (missing, failing its check, mangled by a spreadsheet) is kept as
    /// a provisional person, to be matched by its other fields, rather than rejected. It is still reported to the
    /// department with its ID problem. On unless the mapping turns it off: the Hub matches such records to the
    /// people it knows (or queues them for a data steward) rather than losing them.
    /// </summary>
    public bool MatchWithoutId { get; init; } = true;

    /// <summary>
    /// Where records find their person: <see cref="SourceIdentity.ResidentId"/> (the default) from the one field of
    /// that type, or <see cref="SourceIdentity.None"/> for a layout without ID numbers, whose records are all matched.
    /// </summary>
    public SourceIdentity Identity { get; init; } = SourceIdentity.ResidentId;

    /// <summary>
    /// What a division code the division registry does not hold, or holds as retired on the feed's day, does:
    /// <see cref="UnknownDivisionPolicy.Warn"/> (the default: kept, and a line of the row report) or
    /// <see cref="UnknownDivisionPolicy.Reject"/> (the record is rejected).
    /// </summary>
    public UnknownDivisionPolicy UnknownDivisions { get; init; } = UnknownDivisionPolicy.Warn;

    /// <summary>The mapped columns.</summary>
    public required IReadOnlyList<FieldMapping> Fields { get; init; }

    /// <summary>Code lists: list name → department label → Hub code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CodeLists { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The typed identifier.</summary>
    [JsonIgnore]
    public SourceId SourceId => SourceId.Parse(Id);

    /// <summary>The field that carries the resident ID number; null for a source whose identity is <see cref="SourceIdentity.None"/>.</summary>
    [JsonIgnore]
    public FieldMapping? IdField => Fields.SingleOrDefault(f => f.Type == FieldType.ResidentId);

    /// <summary>The field that carries the resident ID number, for a source that has one.</summary>
    /// <exception cref="InvalidOperationException">The source's identity is <see cref="SourceIdentity.None"/>.</exception>
    [JsonIgnore]
    public FieldMapping ResidentIdField => IdField ?? throw new InvalidOperationException($"Source '{Id}' has no ID column (identity none).");
}
