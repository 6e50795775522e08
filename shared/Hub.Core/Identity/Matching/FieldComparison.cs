namespace Hub.Core.Identity.Matching;

/// <summary>How one field of an incoming record compared with a candidate, and what that added to the score.</summary>
/// <param name="Field">The field.</param>
/// <param name="Level">How far the values agreed; <see cref="ComparisonLevel.Missing"/> when one side had none.</param>
/// <param name="Weight">The level's log2 likelihood ratio, log2(m/u); 0 for a missing value.</param>
public readonly record struct FieldComparison(MatchField Field, ComparisonLevel Level, double Weight);
