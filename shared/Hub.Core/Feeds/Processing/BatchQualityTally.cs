using System.Text.RegularExpressions;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Tallies a batch's data-quality figures as its rows are read (rejections, completeness) and its groups merged
/// (agreement with other departments, arrival lag): everything from what the batch holds in memory anyway. Every
/// attempt tallies afresh, re-reading the payload and re-planning the groups an earlier attempt wrote, so a resumed
/// batch records the same figures as one that ran straight through.
/// </summary>
internal sealed partial class BatchQualityTally
{
    /// <summary>The most reasons kept apart; the rest are added under <see cref="OtherReasons"/>.</summary>
    public const int MaxReasons = 50;

    /// <summary>The reason the reasons past <see cref="MaxReasons"/> are counted under.</summary>
    public const string OtherReasons = "other reasons";

    private const int MaxReasonLength = 300;

    private readonly Dictionary<(string? Field, string Reason), long> _reasons = [];
    private readonly Dictionary<string, long> _completeness;
    private readonly Dictionary<(string Attribute, string Other), (long Compared, long Differing)> _agreements = [];
    private readonly DateOnly _arrived;
    private ArrivalLag _lag = new();
    private long _accepted;

    /// <summary>Starts a tally for <paramref name="batch"/> of <paramref name="mapping"/>: every mapped attribute is reported, carried or not.</summary>
    public BatchQualityTally(FeedBatch batch, SourceMapping mapping)
    {
        _arrived = ChinaStandardTime.DateOf(batch.ReceivedAt);
        _completeness = mapping.Fields.Select(f => f.Attribute).Distinct(StringComparer.Ordinal).ToDictionary(a => a, _ => 0L, StringComparer.Ordinal);
    }

    /// <summary>Counts an accepted record's attributes.</summary>
    public void Accepted(IReadOnlyDictionary<string, string> attributes)
    {
        _accepted++;
        foreach (var (attribute, value) in attributes)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                _completeness[attribute] = _completeness.GetValueOrDefault(attribute) + 1;
            }
        }
    }

    /// <summary>Counts a rejected row under each of its reasons once.</summary>
    public void Rejected(IEnumerable<Rejection> problems)
    {
        foreach (var key in problems.Select(p => (p.Field, Fold(p.Reason))).Distinct())
        {
            var counted = _reasons.ContainsKey(key) || _reasons.Count < MaxReasons ? key : (null, OtherReasons);
            _reasons[counted] = _reasons.GetValueOrDefault(counted) + 1;
        }
    }

    /// <summary>Adds what merging one group's partitions found.</summary>
    public void Merged(IEnumerable<PartitionPlan> plans, IEnumerable<ChangeEvent> events)
    {
        foreach (var tally in plans.SelectMany(p => p.Agreements ?? []))
        {
            var (compared, differing) = _agreements.GetValueOrDefault((tally.Attribute, tally.OtherSource));
            _agreements[(tally.Attribute, tally.OtherSource)] = (compared + tally.Compared, differing + tally.Differing);
        }

        foreach (var change in events.Where(e => e.EffectiveDateStated))
        {
            _lag = _lag.With(change.EffectiveDate, _arrived);
        }
    }

    /// <summary>The figures as recorded with the batch.</summary>
    public BatchQuality ToQuality() => new()
    {
        Accepted = _accepted,
        Rejections = [.. _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Field, StringComparer.Ordinal).ThenBy(r => r.Key.Reason, StringComparer.Ordinal)
            .Select(r => new ReasonTally(r.Key.Field, r.Key.Reason, r.Value))],
        Completeness = [.. _completeness.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new AttributeTally(c.Key, c.Value))],
        Agreements = [.. _agreements.OrderBy(a => a.Key.Attribute, StringComparer.Ordinal).ThenBy(a => a.Key.Other, StringComparer.Ordinal)
            .Select(a => new AgreementTally(a.Key.Attribute, a.Key.Other, a.Value.Compared, a.Value.Differing))],
        Lag = _lag,
    };

    /// <summary>A reason as one line of the tally: digits (row numbers, limits) folded to <c>#</c>, and not over 300 characters.</summary>
    internal static string Fold(string reason)
    {
        var folded = Digits().Replace(reason, "#");
        return folded.Length <= MaxReasonLength ? folded : folded[..MaxReasonLength];
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
