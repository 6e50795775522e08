using Hub.Core.Feeds.Sources;

namespace Hub.Samples;

/// <summary>A departmental feed cut from a population, held in memory with its truth.</summary>
/// <param name="Source">The layout the feed follows.</param>
/// <param name="Columns">The column headers, in the layout's order.</param>
/// <param name="Rows">The rows, in file order.</param>
public sealed record SampleFeed(SourceMapping Source, IReadOnlyList<string> Columns, IReadOnlyList<SampleRow> Rows);