using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>A candidate person with their score and the field-by-field reasons for it, for a steward to read.</summary>
/// <param name="Person">The candidate person.</param>
/// <param name="Score">The sum of the field weights (log2 of the likelihood ratio).</param>
/// <param name="IdConflict">True when the incoming ID evidence contradicts the person's ID number: never linked automatically.</param>
/// <param name="Fields">One comparison per field of the rules, in the rules' order.</param>
/// <param name="AutoMatchBlockedBy">Fields whose comparison rules out an automatic link (e.g. names that disagree); empty when none does.</param>
public sealed record ScoredCandidate(PersonKey Person, double Score, bool IdConflict, IReadOnlyList<FieldComparison> Fields, IReadOnlyList<MatchField> AutoMatchBlockedBy)
{
    /// <summary>True when nothing rules out linking this candidate automatically; the score still has to reach the threshold.</summary>
    public bool CanAutoMatch => !IdConflict && AutoMatchBlockedBy.Count == 0;
}
