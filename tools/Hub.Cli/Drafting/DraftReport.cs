namespace Hub.Cli.Drafting;

/// <summary>What <c>hub sources draft</c> did, as <c>--json</c> prints it: counts, header names and reasons, never a value.</summary>
/// <param name="Source">The draft's source id.</param>
/// <param name="File">The sample file's name.</param>
/// <param name="Reading">How the file was read (format, encoding and why, sheet).</param>
/// <param name="RowsRead">Rows read and looked at.</param>
/// <param name="Truncated">True when the file has more rows than were read (--rows).</param>
/// <param name="UnreadableRows">Rows the Hub could not read as a record, left out.</param>
/// <param name="Identity">residentId, or none when no column holds ID numbers.</param>
/// <param name="IdentityReason">Which column keys the person and why, or why none does.</param>
/// <param name="RecordKey">The attributes proposed to tell a person's records apart.</param>
/// <param name="Columns">Every column, in order, with what the draft did with it.</param>
/// <param name="Output">Where the draft was written.</param>
/// <param name="MappingErrors">Why the draft does not load yet, as the Hub's check says; empty when it loads.</param>
/// <param name="Trial">What the Hub would make of the whole file with the draft; null when the draft does not load or a sheet other than the first was read.</param>
internal sealed record DraftReport(
    string Source,
    string File,
    string Reading,
    int RowsRead,
    bool Truncated,
    long UnreadableRows,
    string Identity,
    string IdentityReason,
    IReadOnlyList<string> RecordKey,
    IReadOnlyList<DraftedColumn> Columns,
    string Output,
    IReadOnlyList<string> MappingErrors,
    DraftTrial? Trial);
