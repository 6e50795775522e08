using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Microsoft.Extensions.Options;

namespace Hub.Core.Exchange;

/// <summary>
/// Reads the change feed for one subscription: one row-key range of one feed partition from the cursor, each event
/// the subscription asks for kept only when the holder's jurisdiction covers one of the places it names (residence
/// or registration, before or after), and rendered by the access policy as a read by the holder with the
/// subscription's purpose would be: an attribute the holder may not read never appears, a masked one is masked, and
/// a membership event whose group the holder may not see is not delivered at all. Jurisdiction follows the division
/// registry: a place filed under a merged street's old code lies in its successor, and a holder placed at the old
/// code is told of the successor's area. A division code shown in full is named from the registry beside it. Pull
/// delivery reads pages with it; push delivery renders with <see cref="Render"/> the same way.
/// </summary>
public sealed class ChangeFeed
{
    private const string Hidden = "***";

    private readonly ChangeEventLog _log;
    private readonly PolicyRenderer _renderer;
    private readonly ProfileRules _rules;
    private readonly ChangeEventOptions _options;
    private readonly TimeProvider _time;
    private readonly DivisionDirectory _divisions;

    internal ChangeFeed(ChangeEventLog log, PolicyRenderer renderer, ProfileRules rules, IOptions<ChangeEventOptions> options, TimeProvider time, DivisionDirectory divisions)
    {
        _log = log;
        _divisions = divisions;
        _time = time;
        _renderer = renderer;
        _rules = rules;
        _options = options.Value;
    }

    /// <summary>The most events one read returns.</summary>
    public int MaxPageSize => _options.MaxPageSize;

    /// <summary>How long published events stay readable.</summary>
    public TimeSpan Retention => TimeSpan.FromDays(_options.RetentionDays);

    /// <summary>Drops the events published, and the staging rows written, longer than the retention ago; returns the rows removed.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken = default) =>
        _log.PruneAsync(_time.GetUtcNow() - Retention, cancellationToken);

    /// <summary>The first sequence still retained: where a delivery that fell behind the retention goes on from.</summary>
    public Task<long> FirstRetainedAsync(CancellationToken cancellationToken = default) => _log.FirstRetainedAsync(cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="limit"/> events of the feed from <paramref name="cursor"/> (the subscription's start
    /// when null) and renders those the subscription is given. The next cursor moves past every event read, given or not.
    /// </summary>
    public async Task<ChangeFeedPage> ReadAsync(Subscription subscription, ChangeCursor? cursor, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.IsEnded)
        {
            return new ChangeFeedPage { Outcome = ChangeFeedOutcome.Ended };
        }

        var from = cursor?.Position ?? subscription.Start;
        if (from < await _log.FirstRetainedAsync(cancellationToken).ConfigureAwait(false))
        {
            return new ChangeFeedPage { Outcome = ChangeFeedOutcome.Expired };
        }

        var size = Math.Clamp(limit, 1, MaxPageSize);
        var room = (int)Math.Min(size, ((from / ChangeEventLog.BlockSize) + 1) * ChangeEventLog.BlockSize - from);
        var read = await _log.ReadAsync(from, size, cancellationToken).ConfigureAwait(false);
        var fields = new HashSet<DisclosedField>();
        var persons = new List<PersonKey>();
        var events = new List<ChangeCloudEvent>();
        foreach (var change in read.Events)
        {
            if (Render(subscription, change, fields) is { } rendered)
            {
                events.Add(rendered);
                if (!persons.Contains(change.PersonKey))
                {
                    persons.Add(change.PersonKey);
                }
            }
        }

        return new ChangeFeedPage
        {
            Outcome = ChangeFeedOutcome.Read,
            Events = events,
            Next = new ChangeCursor(read.LastSequence is { } last ? last + 1 : from),
            CaughtUp = read.Sequences < room,
            Persons = persons,
            Fields = [.. fields.OrderBy(f => f.Attribute, StringComparer.Ordinal).ThenBy(f => f.Source.Value, StringComparer.Ordinal)],
            Scanned = read.Sequences,
        };
    }

    /// <summary>
    /// <paramref name="change"/> as <paramref name="subscription"/>'s holder is given it, adding what it discloses to
    /// <paramref name="disclosed"/>; null when the subscription does not ask for it, the person lies outside the
    /// holder's jurisdiction, or the policy gives nothing of it.
    /// </summary>
    public ChangeCloudEvent? Render(Subscription subscription, ChangeEvent change, ISet<DisclosedField> disclosed)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(disclosed);
        var registry = _divisions.Registry;
        var jurisdiction = Jurisdiction.Of(subscription.Holder, registry);
        if (!subscription.AsksFor(change) || !change.Places().Any(p => jurisdiction.Covers(p)))
        {
            return null;
        }

        var request = new AccessRequest(subscription.Holder, subscription.Purpose);
        var fields = new List<DisclosedField>();
        var data = new JsonObject
        {
            ["personKey"] = change.PersonKey.Value,
            ["effectiveDate"] = change.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["effectiveDateStated"] = change.EffectiveDateStated,
            ["batch"] = change.BatchId,
        };
        if (change.Group is { } group)
        {
            var access = GroupAccess(request, group, change.Changes.Count > 0 ? change.Changes[0].Source : null);
            if (access == FieldAccess.Hidden)
            {
                return null;
            }

            data["group"] = access == FieldAccess.Shown ? group.Value : Hidden;
        }

        if (change.Reason is { } reason)
        {
            data["reason"] = reason;
        }

        if (Direction(change, jurisdiction) is { } direction)
        {
            data["direction"] = direction;
        }

        var changes = new JsonObject();
        foreach (var attribute in change.Changes)
        {
            if (Rendered(request, attribute, fields) is { Count: > 0 } values)
            {
                Name(values, attribute.Attribute, change, registry);
                changes[attribute.Attribute] = values;
            }
        }

        if (changes.Count == 0 && change.HouseholdAfter is null && change.LinkedKey is null)
        {
            return null;
        }

        data["changes"] = changes;
        if (change.LinkedKey is { } linked)
        {
            data["linkedKey"] = linked;
        }

        if (change.HouseholdBefore is { } householdBefore && change.HouseholdAfter is { } householdAfter)
        {
            data["householdKeyBefore"] = householdBefore;
            data["householdKeyAfter"] = householdAfter;
        }

        disclosed.UnionWith(fields);
        return new ChangeCloudEvent
        {
            Id = change.Id,
            Source = "/hub/sources/" + change.Source,
            Type = change.Type.Value,
            Time = change.PublishedAt ?? default,
            Subject = change.PersonKey.Value,
            Data = data,
        };
    }

    private JsonObject? Rendered(AccessRequest request, AttributeChange change, List<DisclosedField> fields)
    {
        if (!SourceId.TryParse(change.Source, out var source))
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var (side, value) in new[] { ("before", change.Before), ("after", change.After) })
        {
            if (value is null)
            {
                continue;
            }

            var disclosure = _renderer.Render(request, new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [change.Attribute] = new(value, source.Value) });
            if (disclosure.Values.GetValueOrDefault(change.Attribute) is { } shown)
            {
                json[side] = shown;
                fields.AddRange(disclosure.Fields);
            }
        }

        return json;
    }

    // Names beside a division or grid code shown in full, as a person's places are named: a masked code's name would
    // tell what the mask hides. A grid is named within the community of the same side of the move.
    private void Name(JsonObject values, string attribute, ChangeEvent change, DivisionRegistry registry)
    {
        var (rule, before, after) = attribute == _rules.Residence.Division || attribute == _rules.Residence.Grid
            ? (_rules.Residence, change.ResidenceBefore, change.ResidenceAfter)
            : attribute == _rules.Registration.Division || attribute == _rules.Registration.Grid
                ? (_rules.Registration, change.RegistrationBefore, change.RegistrationAfter)
                : (null, null, null);
        if (rule is null)
        {
            return;
        }

        foreach (var (side, place) in new[] { ("before", before), ("after", after) })
        {
            if (place is not { } p || (string?)values[side] is not { } shown)
            {
                continue;
            }

            if (attribute == rule.Division && shown == p.Division.Value)
            {
                var names = DivisionNames.Of(registry, p.Division, null);
                Put(values, side + "DivisionName", names.Name);
                Put(values, side + "DivisionPath", names.Path);
                Put(values, side + "CurrentDivision", names.Current);
            }
            else if (attribute == rule.Grid && p.Grid is { } grid && shown == grid.Value)
            {
                Put(values, side + "GridName", registry.FindGrid(p.Division, grid)?.Name);
            }
        }
    }

    private static void Put(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    // What the holder is given of a group as its source states it: the access to the attribute its group rule reads.
    private FieldAccess GroupAccess(AccessRequest request, GroupId group, string? source)
    {
        var rule = _rules.Groups.FirstOrDefault(r => r.Group == group.Value && (source is null || r.Source == source));
        return rule is not null && SourceId.TryParse(rule.Source, out var id)
            ? _renderer.Decide(request, id.Value, rule.Attribute ?? rule.ValidFrom)
            : FieldAccess.Hidden;
    }

    // A move as the holder's area sees it: into it, out of it, within it, or elsewhere (the person is theirs by the other place).
    private static string? Direction(ChangeEvent change, Jurisdiction jurisdiction)
    {
        if (change.Type != ChangeEventType.ResidenceMoved && change.Type != ChangeEventType.RegistrationMoved)
        {
            return null;
        }

        var (before, after) = change.Type == ChangeEventType.ResidenceMoved
            ? (change.ResidenceBefore, change.ResidenceAfter)
            : (change.RegistrationBefore, change.RegistrationAfter);

        return (jurisdiction.Covers(before), jurisdiction.Covers(after)) switch
        {
            (false, true) => "in",
            (true, false) => "out",
            (true, true) => "within",
            _ => "elsewhere",
        };
    }
}
