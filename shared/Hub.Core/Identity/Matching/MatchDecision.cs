using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>What <see cref="PersonMatcher"/> decided about an incoming record, and why.</summary>
/// <param name="Outcome">Match, possible match or no match.</param>
/// <param name="Candidates">
/// For <see cref="MatchOutcome.Match"/> the one person linked; for <see cref="MatchOutcome.PossibleMatch"/> every
/// person at or above the possible-match threshold, best first; empty for <see cref="MatchOutcome.NoMatch"/>.
/// </param>
/// <param name="Best">The best-scoring person considered, even below the thresholds; null when there were no candidates.</param>
public sealed record MatchDecision(MatchOutcome Outcome, IReadOnlyList<ScoredCandidate> Candidates, ScoredCandidate? Best)
{
    /// <summary>The person linked, for <see cref="MatchOutcome.Match"/>.</summary>
    public PersonKey? MatchedPerson => Outcome == MatchOutcome.Match ? Candidates[0].Person : null;

    /// <summary>The best score; null when there were no candidates.</summary>
    public double? Score => Best?.Score;
}
