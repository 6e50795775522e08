namespace Hub.Benchmarks;

/// <summary>One GET the load generator may send: a path with its query, and its headers.</summary>
internal sealed record ReadRequest(string Path, IReadOnlyDictionary<string, string> Headers);
