namespace Hub.Samples.Quality;

/// <summary>One row as the Hub reads it, with the kinds of row it counts under (source, ID problem, mistakes, corruptions…).</summary>
internal sealed record ReadRow(SampleRow Row, RowReading Reading, IReadOnlyList<string> Labels);
