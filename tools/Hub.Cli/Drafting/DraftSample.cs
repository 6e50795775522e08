using Hub.Core.Feeds.Reading;

namespace Hub.Cli.Drafting;

/// <summary>The rows of a sample export as the Hub's readers read them, held in memory only while a draft is made.</summary>
/// <param name="FileName">The file's name, without its folder.</param>
/// <param name="Format">Its format.</param>
/// <param name="Reading">How it was read, in words: "CSV, read as GB18030 because its first 64 KB are not valid UTF-8".</param>
/// <param name="Charset">For CSV, the encoding a declared charset or the Hub's guess chose: <c>utf-8</c> or <c>gb18030</c>.</param>
/// <param name="Sheet">For XLSX, the sheet read when it is not the first.</param>
/// <param name="Columns">The header row's columns (CSV, XLSX) or the records' keys in order of first appearance (JSON).</param>
/// <param name="Rows">The rows read, column → raw value.</param>
/// <param name="Nested">JSON keys → how many records hold an object or an array under them.</param>
/// <param name="Unreadable">Rows the Hub could not read as a record (bad bytes, a wrong number of cells), left out.</param>
/// <param name="Truncated">True when the file has more rows than were read.</param>
internal sealed record DraftSample(
    string FileName,
    FeedFormat Format,
    string Reading,
    string? Charset,
    string? Sheet,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows,
    IReadOnlyDictionary<string, int> Nested,
    long Unreadable,
    bool Truncated);
