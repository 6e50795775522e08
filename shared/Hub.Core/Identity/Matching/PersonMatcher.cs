using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// Decides whether an incoming record without a usable ID belongs to a person the Hub knows, as HAPI FHIR MDM does:
/// each candidate person is scored field by field (Fellegi–Sunter weights from the <see cref="MatchRules"/>), then
/// <list type="bullet">
/// <item><see cref="MatchOutcome.Match"/> when the best person scores at or above the match threshold, nobody else
/// scores at or above the rival threshold, the incoming ID evidence does not contradict their ID, and no field
/// compares at a level the rules mark <see cref="MatchFieldRule.BlocksAutoMatch"/>;</item>
/// <item><see cref="MatchOutcome.PossibleMatch"/> otherwise, when anyone scores at or above the possible-match
/// threshold (twins, namesakes, weak evidence: the steward decides, shown every such person);</item>
/// <item><see cref="MatchOutcome.NoMatch"/> otherwise.</item>
/// </list>
/// Two records with different valid ID numbers are never matched: such a candidate is not scored at all. A
/// candidate with the same valid ID number as the incoming record is matched whatever the rest says. A phone that more
/// than <see cref="SharedPhoneHolders"/> candidate persons hold counts for nothing. The decision depends only on its
/// inputs, not on their order.
/// </summary>
public sealed class PersonMatcher
{
    /// <summary>
    /// The most persons a phone may be held by and still count as evidence. The rules' weight for two records with one
    /// phone assumes what a household shares (a landline, a guardian's mobile for the children); an institution's phone
    /// (a care home's, the community office's given for residents who have none) or a placeholder a department's
    /// export gives everyone it lacks one for is held by hundreds, and with it two namesakes of one community would
    /// score as one person (name, community and phone reach the match threshold). Candidate search files everyone
    /// under their phone, so the candidates of a record with a phone include everyone who holds it (up to the rows a
    /// key has): their number is the phone's frequency, as a term-frequency adjustment would use it.
    /// </summary>
    public const int SharedPhoneHolders = 10;

    private readonly MatchRules _rules;

    /// <summary>Creates a matcher for validated rules.</summary>
    public PersonMatcher(MatchRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>Scores <paramref name="candidates"/> against <paramref name="incoming"/> and decides.</summary>
    /// <param name="incoming">The record to place.</param>
    /// <param name="candidates">Records found by candidate search; several may belong to one person.</param>
    public MatchDecision Evaluate(MatchRecord incoming, IReadOnlyList<MatchCandidate> candidates)
    {
        var ranked = Rank(incoming, candidates);
        var best = ranked.Count > 0 ? ranked[0] : null;
        if (incoming.ResidentId is { } id)
        {
            var holders = candidates.Where(c => c.Record.ResidentId == id).Select(c => c.Person).ToHashSet();
            if (ranked.FirstOrDefault(r => holders.Contains(r.Person)) is { } holder)
            {
                return new MatchDecision(MatchOutcome.Match, [holder], best);
            }
        }

        var possible = ranked.Where(c => c.Score >= _rules.PossibleMatchThreshold).ToList();
        if (possible is [{ CanAutoMatch: true } first, ..] && first.Score >= _rules.MatchThreshold && !possible.Skip(1).Any(c => c.Score >= _rules.RivalThreshold))
        {
            return new MatchDecision(MatchOutcome.Match, [first], best);
        }

        return possible.Count > 0
            ? new MatchDecision(MatchOutcome.PossibleMatch, possible, best)
            : new MatchDecision(MatchOutcome.NoMatch, [], best);
    }

    /// <summary>
    /// Scores every candidate person, best first (ties broken by person key), without deciding; people whose valid
    /// ID number differs from the incoming record's are left out. For stewards' tools and for tuning the rules.
    /// </summary>
    public IReadOnlyList<ScoredCandidate> Rank(MatchRecord incoming, IReadOnlyList<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(candidates);
        var sharedPhone = incoming.Phone is { } phone
            && candidates.Where(c => c.Record.Phone == phone).Select(c => c.Person).Distinct().Skip(SharedPhoneHolders).Any();
        return candidates
            .GroupBy(c => c.Person)
            .Where(person => !person.Any(c => IdComparison.AreDifferentValidIds(incoming, c.Record)))
            .Select(person => Score(incoming, person.Key, person.Select(c => c.Record).ToList(), sharedPhone))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Person.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Compares two records field by field, as <see cref="Evaluate"/> does for one record of a candidate.</summary>
    public IReadOnlyList<FieldComparison> Compare(MatchRecord incoming, MatchRecord candidate)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(candidate);
        return _rules.Fields.Select(rule => Comparison(rule, FieldComparer.Compare(rule, incoming, candidate))).ToList();
    }

    private ScoredCandidate Score(MatchRecord incoming, PersonKey person, List<MatchRecord> records, bool sharedPhone)
    {
        // A person has one ID number. When a record of theirs holds it, incoming evidence is compared with it alone;
        // for a provisional person, with each unusable number their records carried, and one agreeing is enough.
        var idRecords = records.Any(r => r.ResidentId is not null) ? records.Where(r => r.ResidentId is not null).ToList() : records;
        var fields = new List<FieldComparison>(_rules.Fields.Count);
        foreach (var rule in _rules.Fields)
        {
            if (sharedPhone && rule.Field == MatchField.Phone)
            {
                fields.Add(Comparison(rule, ComparisonLevel.Missing));
                continue;
            }

            // Each field counts with the best agreement among the person's records that hold a value: one department
            // may still hold an old residence, and a record without a phone says nothing about the phone.
            var compared = (rule.Field == MatchField.ResidentId ? idRecords : records)
                .Select(r => Comparison(rule, FieldComparer.Compare(rule, incoming, r)))
                .Where(c => c.Level != ComparisonLevel.Missing)
                .ToList();
            fields.Add(compared.Count == 0 ? Comparison(rule, ComparisonLevel.Missing) : compared.MaxBy(c => c.Weight));
        }

        var idLevels = idRecords.Select(r => IdComparison.Compare(incoming, r)).Where(l => l != ComparisonLevel.Missing).ToList();
        var conflict = idLevels.Count > 0 && idLevels.All(l => l == ComparisonLevel.Different);
        var blockedBy = _rules.Fields.Zip(fields).Where(p => p.First.BlocksAutoMatch.Contains(p.Second.Level)).Select(p => p.First.Field).ToList();
        return new ScoredCandidate(person, fields.Sum(f => f.Weight), conflict, fields, blockedBy);
    }

    private static FieldComparison Comparison(MatchFieldRule rule, ComparisonLevel level) => new(rule.Field, level, rule.WeightOf(level));
}
