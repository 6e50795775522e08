namespace Hub.Core.Quality;

/// <summary>How many accepted rows carry a mapped attribute, and their share.</summary>
/// <param name="Attribute">The Hub attribute.</param>
/// <param name="Rows">Accepted rows with a value.</param>
/// <param name="Share">Their share of the accepted rows.</param>
public sealed record CompletenessFigure(string Attribute, long Rows, double Share);
