namespace Hub.Core.Identity.Matching;

/// <summary>What one <see cref="EstimationSession"/> estimated.</summary>
/// <param name="Session">The session.</param>
/// <param name="Pairs">How many candidate pairs it took.</param>
/// <param name="Estimate">Its estimate: m and u (among its own pairs) of the fields it did not leave out, and the share of its pairs that are the same person.</param>
public sealed record SessionEstimate(EstimationSession Session, int Pairs, WeightEstimate Estimate);
