namespace Hub.Samples;

/// <summary>A sample feed written to disk.</summary>
/// <param name="Path">Where it was written.</param>
/// <param name="Format">Its format.</param>
/// <param name="Feed">The rows and their truth.</param>
public sealed record SampleFile(string Path, SampleFileFormat Format, SampleFeed Feed);