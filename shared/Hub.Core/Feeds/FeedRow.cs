namespace Hub.Core.Feeds;

/// <summary>One record of a feed as read from the file, before normalisation.</summary>
/// <param name="Number">
/// The row a person finds it at: the spreadsheet row for CSV and XLSX (the header is row 1), the 1-based
/// element or line for JSON and NDJSON.
/// </param>
/// <param name="Values">Column header → raw text; a missing or empty cell is absent or null.</param>
/// <param name="Problem">Why the row could not be read as a record (e.g. a wrong number of cells), if it could not.</param>
/// <param name="ProblemField">The column or key the <paramref name="Problem"/> is in, when it is in one.</param>
public sealed record FeedRow(long Number, IReadOnlyDictionary<string, string?> Values, string? Problem = null, string? ProblemField = null)
{
    /// <summary>
    /// For a JSON record, the keys whose value is an object or an array, in order: the Hub rejects the record (its
    /// <see cref="Problem"/> names the first such key), and its plain values are still read, so a tool drafting a mapping
    /// sees the whole record.
    /// </summary>
    public IReadOnlyList<string> NestedKeys { get; init; } = [];
}
