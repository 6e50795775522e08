using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>A proposed mapping with the reason for every choice, ready to be written as a commented mapping file.</summary>
internal sealed record MappingDraft
{
    public required string Source { get; init; }

    public required string DisplayName { get; init; }

    public required string Encoding { get; init; }

    /// <summary>How the sample was read, and what the encoding setting means for it.</summary>
    public required string EncodingReason { get; init; }

    public required SourceIdentity Identity { get; init; }

    /// <summary>Which column keys the person and why, or why the source has none.</summary>
    public required string IdentityReason { get; init; }

    public required IReadOnlyList<string> RecordKey { get; init; }

    public string? RecordKeyReason { get; init; }

    /// <summary>Mapped and suggested fields, in the order of their columns.</summary>
    public required IReadOnlyList<DraftField> Fields { get; init; }

    /// <summary>Every column of the sample, in order, with what the draft did with it.</summary>
    public required IReadOnlyList<DraftedColumn> Columns { get; init; }

    public required IReadOnlyList<DraftCodeList> CodeLists { get; init; }

    /// <summary>The mapping the Hub would load from the draft: the mapped fields only (suggested ones are comments).</summary>
    public SourceMapping ToMapping() => new()
    {
        Id = Source,
        DisplayName = DisplayName,
        Department = string.Empty,
        Encoding = Encoding,
        Identity = Identity,
        RecordKey = RecordKey,
        Fields = [.. Fields.Where(f => f.Outcome == DraftOutcome.Mapped).Select(f => f.Field)],
        CodeLists = CodeLists.ToDictionary(l => l.Name, l => (IReadOnlyDictionary<string, string>)l.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal),
    };
}
