namespace Hub.Core.Identity.Matching;

/// <summary>
/// The Fellegi–Sunter probabilities of one comparison level: <paramref name="M"/> = P(level | same person),
/// <paramref name="U"/> = P(level | different people). The level adds log2(m/u) to a candidate's score.
/// </summary>
/// <param name="M">How often two records of the same person compare at this level, in (0, 1].</param>
/// <param name="U">How often two records of different people compare at this level, in (0, 1].</param>
public readonly record struct LevelWeights(double M, double U)
{
    /// <summary>log2(m/u): positive when the level is evidence for the same person, negative when against.</summary>
    public double Weight => Math.Log2(M / U);
}
