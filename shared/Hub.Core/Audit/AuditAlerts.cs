using System.Globalization;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>
/// Computes auditors' alerts from the stored events on every call: every break-glass use, refused attempts at a
/// person's data, and bulk access (a user touching more distinct persons in an hour than their own baseline allows,
/// or than the ceiling). Nothing is stored: each alert follows from the chain, so it can be neither lost nor
/// forged apart from the events, and a change of threshold applies to the past at once.
/// </summary>
/// <remarks>
/// Cost: two filtered queries (break-glass events; denied person actions), which read only the matching rows, and
/// one projected query over the events that touched persons from <see cref="AuditOptions.BulkAccessBaselineDays"/>
/// before the range to its end (user, time and person keys only). That last one grows with the trail; if alerts
/// over long ranges become frequent, per-user hourly counts are the cache to add, derivable and rebuildable from
/// the chain.
/// </remarks>
public sealed class AuditAlerts(HubStorage storage, IOptions<AuditOptions> options)
{
    /// <summary>The longest range one call covers.</summary>
    public const int MaxDays = 31;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static readonly string[] TouchColumns =
        [nameof(AuditEventEntity.Sequence), nameof(AuditEventEntity.Time), nameof(AuditEventEntity.UserId), nameof(AuditEventEntity.Role), nameof(AuditEventEntity.Division), nameof(AuditEventEntity.PersonKeys)];

    private readonly AuditSearch _search = new(storage);

    /// <summary>The alerts of events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by time.</summary>
    public async Task<IReadOnlyList<AuditAlert>> FindAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to < from || to - from > TimeSpan.FromDays(MaxDays))
        {
            throw new ArgumentException($"The range ends before it starts or is longer than {MaxDays} days.", nameof(to));
        }

        var alerts = new List<AuditAlert>();
        await foreach (var record in _search.SearchAllAsync(new AuditQuery { From = from, To = to, BreakGlass = true }, cancellationToken).ConfigureAwait(false))
        {
            var e = record.Event;
            alerts.Add(new AuditAlert(
                AuditAlertKind.BreakGlass, e.Actor.UserId, e.Actor.Role, e.Actor.Division, record.Time, record.Time, e.PersonKeys.Distinct().Count(), [record.Sequence],
                $"Break-glass access ({e.Action.Value}, outcome {AuditCanonicalForm.FormatOutcome(e.Outcome)})."));
        }

        var denied = new List<AuditRecord>();
        await foreach (var record in _search.SearchAllAsync(new AuditQuery { From = from, To = to, Outcome = AuditOutcome.Denied, Actions = AuditAction.PersonAccess }, cancellationToken).ConfigureAwait(false))
        {
            denied.Add(record);
        }

        alerts.AddRange(denied.GroupBy(r => r.Event.Actor.UserId, StringComparer.Ordinal).Select(user =>
        {
            var first = user.First();
            return new AuditAlert(
                AuditAlertKind.DeniedPersonAccess, user.Key, first.Event.Actor.Role, first.Event.Actor.Division, first.Time, user.Last().Time,
                user.SelectMany(r => r.Event.PersonKeys).Distinct().Count(), user.Select(r => r.Sequence).ToList(),
                string.Create(CultureInfo.InvariantCulture, $"{user.Count()} refused attempts at persons' data ({string.Join(", ", user.Select(r => r.Event.Action.Value).Distinct(StringComparer.Ordinal))})."));
        }));

        var touches = await ReadTouchesAsync(from.AddDays(-options.Value.BulkAccessBaselineDays), to, cancellationToken).ConfigureAwait(false);
        alerts.AddRange(BulkAccess(touches, from, to, options.Value));
        return alerts.OrderBy(a => a.From).ThenBy(a => a.Sequences[0]).ToList();
    }

    /// <summary>
    /// The hours from <paramref name="from"/> to <paramref name="to"/> in which a user touched more distinct persons
    /// than the ceiling, or (at least the floor and) more than the factor times the median of their active hours
    /// in the baseline days before that hour. <paramref name="touches"/> must reach back over the baseline days.
    /// </summary>
    internal static IEnumerable<AuditAlert> BulkAccess(IEnumerable<PersonTouch> touches, DateTimeOffset from, DateTimeOffset to, AuditOptions options)
    {
        var baselineWindow = TimeSpan.FromDays(options.BulkAccessBaselineDays);
        foreach (var user in touches.GroupBy(t => t.UserId, StringComparer.Ordinal))
        {
            var hours = user
                .GroupBy(t => HourOf(t.Time))
                .Select(h => new UserHour(h.Key, h.OrderBy(t => t.Sequence).ToList(), h.SelectMany(t => t.PersonKeys).Distinct(StringComparer.Ordinal).Count()))
                .OrderBy(h => h.Start)
                .ToList();
            foreach (var hour in hours.Where(h => h.Start + Hour > from && h.Start < to))
            {
                var baseline = Median(hours.Where(h => h.Start >= hour.Start - baselineWindow && h.Start < hour.Start).Select(h => h.Persons));
                var overCeiling = hour.Persons > options.BulkAccessPerHour;
                var overBaseline = baseline is { } median && hour.Persons >= options.BulkAccessBaselineFloor && hour.Persons > options.BulkAccessBaselineFactor * median;
                if (!overCeiling && !overBaseline)
                {
                    continue;
                }

                var why = overCeiling
                    ? $"above the ceiling of {options.BulkAccessPerHour}"
                    : $"more than {options.BulkAccessBaselineFactor} times the user's median hour of {baseline} over the previous {options.BulkAccessBaselineDays} days";
                var first = hour.Touches[0];
                yield return new AuditAlert(
                    AuditAlertKind.BulkAccess, user.Key, first.Role, first.Division, hour.Start, hour.Start + Hour, hour.Persons, hour.Touches.Select(t => t.Sequence).ToList(),
                    string.Create(CultureInfo.InvariantCulture, $"{hour.Persons} distinct persons in one hour, {why}."));
            }
        }
    }

    private static DateTimeOffset HourOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

    /// <summary>Who touched which persons when: only the columns bulk access needs, of events that touched any.</summary>
    private async Task<List<PersonTouch>> ReadTouchesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // As in AuditSearch: one day of partition margin each side, the Time filter decides.
        var filter = TableFilter.Of(
            $"PartitionKey ge {AuditPartitions.ForDay(from.AddDays(-1))} and PartitionKey le {AuditPartitions.ForDay(to.AddDays(1))} and RowKey lt {AuditPartitions.EventRowsEnd} and Time ge {from} and Time lt {to} and PersonKeys ne {string.Empty}");
        var touches = new List<PersonTouch>();
        await foreach (var row in storage.AuditTable.QueryAsync<AuditEventEntity>(filter, AuditSearch.MaxPageSize, TouchColumns, cancellationToken).ConfigureAwait(false))
        {
            touches.Add(new PersonTouch(row.Sequence, row.Time, row.UserId, row.Role, row.Division, row.PersonKeys.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        return touches;
    }

    /// <summary>An event that touched persons, reduced to what bulk access counts.</summary>
    internal sealed record PersonTouch(long Sequence, DateTimeOffset Time, string UserId, string? Role, string? Division, IReadOnlyList<string> PersonKeys);

    private sealed record UserHour(DateTimeOffset Start, List<PersonTouch> Touches, int Persons);
}
