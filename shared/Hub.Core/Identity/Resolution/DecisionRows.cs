using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// The rows a link decision writes beside a person's facts, whether the matcher or a steward decided: the link, its
/// history (with a copy under each other person it touched) and the member row of the golden person.
/// </summary>
internal static class DecisionRows
{
    /// <summary>The link row of <paramref name="key"/>: its records belong to <paramref name="golden"/>, decided as stated.</summary>
    public static LinkEntity NewLink(PersonKey key, PersonKey golden, MatchOutcome outcome, LinkDecider decider, double? score, string decidedBy, DateTimeOffset at, string? reason) => new()
    {
        PartitionKey = key.PartitionKey,
        RowKey = ResolutionRows.Link(key.Value),
        PersonKey = key.Value,
        Golden = golden.Value,
        Outcome = Word(outcome),
        Decider = decider == LinkDecider.Auto ? "auto" : "manual",
        Score = score,
        DecidedBy = decidedBy,
        DecidedAt = at,
        Reason = reason,
    };

    /// <summary>The history row of <paramref name="link"/>'s decision under its own key.</summary>
    public static HistoryEntity NewHistory(LinkEntity link, string action, string? previousGolden, int sequence) => new()
    {
        PartitionKey = link.PartitionKey,
        RowKey = ResolutionRows.History(link.PersonKey, link.DecidedAt, sequence),
        PersonKey = link.PersonKey,
        Action = action,
        Golden = link.Golden,
        PreviousGolden = previousGolden,
        Decider = link.Decider,
        Score = link.Score,
        DecidedBy = link.DecidedBy,
        DecidedAt = link.DecidedAt,
        Reason = link.Reason,
    };

    /// <summary>
    /// A steward's decision as history rows: the row under the key decided about, and a copy under each other golden
    /// person it gave records to or took them from, so that person's history still shows a merge after the split.
    /// </summary>
    public static IEnumerable<HistoryEntity> NewHistoryRows(LinkEntity link, string action, string? previousGolden, int sequence)
    {
        var history = NewHistory(link, action, previousGolden, sequence);
        yield return history;
        foreach (var other in new[] { link.Golden, previousGolden }.OfType<string>().Where(k => k != link.PersonKey).Distinct(StringComparer.Ordinal))
        {
            var copy = NewHistory(link, action, previousGolden, sequence);
            copy.PartitionKey = PersonKey.Parse(other).PartitionKey;
            copy.RowKey = ResolutionRows.History(other, link.DecidedAt, sequence);
            yield return copy;
        }
    }

    /// <summary>The member row that tells <paramref name="golden"/> that <paramref name="member"/>'s records are theirs.</summary>
    public static MemberEntity NewMember(PersonKey golden, PersonKey member) => new()
    {
        PartitionKey = golden.PartitionKey,
        RowKey = ResolutionRows.Member(golden.Value, member.Value),
        Golden = golden.Value,
        Member = member.Value,
    };

    /// <summary>A match outcome as the word the rows store.</summary>
    public static string Word(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Match => "match",
        MatchOutcome.PossibleMatch => "possible-match",
        _ => "no-match",
    };
}
