namespace Hub.Samples.Quality;

/// <summary>A feed read once, as the Hub reads it, with the labels each row is counted under; every order simulated shares it.</summary>
/// <param name="Feed">The feed.</param>
/// <param name="Rows">Its rows in file order.</param>
internal sealed record ReadFeed(SampleFeed Feed, IReadOnlyList<ReadRow> Rows);
