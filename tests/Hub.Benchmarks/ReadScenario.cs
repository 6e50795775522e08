namespace Hub.Benchmarks;

/// <summary>One kind of request the load generator sends, over many different targets.</summary>
internal sealed record ReadScenario(string Name, Uri Origin, IReadOnlyList<ReadRequest> Requests);
