using Hub.Samples.Corruption;

namespace Hub.Samples;

/// <summary>One row of a sample feed, with the truth behind it: whose row it is and what was done to it.</summary>
/// <param name="Index">1-based position among the feed's data rows.</param>
/// <param name="Person">The generated person the row is about.</param>
/// <param name="Values">Column header → cell text as written (null for an empty cell).</param>
/// <param name="Mistakes">The mistakes injected into this row; empty for a clean row.</param>
public sealed record SampleRow(long Index, Person Person, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<InjectedMistake> Mistakes)
{
    /// <summary>The corruptions of the hard quality preset put into this row; empty for every other feed.</summary>
    public IReadOnlyList<AppliedCorruption> Corruptions { get; init; } = [];

    /// <summary>True when the Hub must reject the row.</summary>
    public bool Rejected => Mistakes.Any(m => m.Rejects);

    /// <summary>The row number the Hub reports for this row: spreadsheet rows (header = 1) for CSV and XLSX, else the record's position.</summary>
    public long NumberIn(SampleFileFormat format) => format is SampleFileFormat.Json or SampleFileFormat.Ndjson ? Index : Index + 1;
}