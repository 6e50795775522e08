using System.Text.RegularExpressions;
using Hub.Core.Audit;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Reads;
using Microsoft.Extensions.Options;

namespace Hub.Core.Subjects;

/// <summary>
/// Produces the data subject's report (<see cref="SubjectReport"/>) for an officer handling a resident's request: the
/// profile and every fact as the departments sent them, and from the audit trail (the person index, by every key of
/// the person, those from before a pepper rotation included) who looked and what was shared. Only persons in the officer's jurisdiction are reported; outside it a
/// person is "nobody", as for any read. The caller records what it returns as the request's one audit event, after
/// the trail was read, so the report's own event is listed in the next report and never in itself.
/// </summary>
public sealed partial class SubjectReports
{
    /// <summary>The most audit events one report lists; a longer trail is cut, and the report says so.</summary>
    public const int MaxTrail = 10_000;

    private readonly PersonDisclosure _reads;
    private readonly ProfileReader _profiles;
    private readonly AuditSearch _audit;
    private readonly IPersonKeyHistory _keys;
    private readonly ProfileRules _rules;
    private readonly IOptions<AuditOptions> _auditOptions;
    private readonly TimeProvider _time;

    internal SubjectReports(PersonDisclosure reads, ProfileReader profiles, AuditSearch audit, IPersonKeyHistory keys, ProfileRules rules, IOptions<AuditOptions> auditOptions, TimeProvider time)
    {
        _keys = keys;
        _reads = reads;
        _profiles = profiles;
        _audit = audit;
        _rules = rules;
        _auditOptions = auditOptions;
        _time = time;
    }

    /// <summary>The report on <paramref name="key"/> for <paramref name="viewer"/>; null when the person is unknown or outside their jurisdiction.</summary>
    public async Task<PersonRead<SubjectReport>> ReportAsync(PersonViewer viewer, PersonKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var read = await _reads.ReadAsync(viewer, key, cancellationToken).ConfigureAwait(false);
        if (read.Value is not { } profile)
        {
            return new PersonRead<SubjectReport>(null, read.Disclosed);
        }

        var now = _time.GetUtcNow();
        var facts = await _profiles.ReadFactsAsync(profile.PersonKey, cancellationToken).ConfigureAwait(false);
        var (trail, cut) = await ReadTrailAsync(await EveryKeyAsync([profile.PersonKey, .. profile.LinkedKeys], cancellationToken).ConfigureAwait(false), now, cancellationToken).ConfigureAwait(false);

        var log = new DisclosureLog();
        log.Touch(profile.PersonKey);
        var values = Values(profile).ToList();
        var status = Status(profile);
        var memberships = profile.Memberships.Select(m => new SubjectMembership(
            m.Group.Value, m.Source, m.Provenance.Batch, m.ValidFrom, m.LastDay, m.IsActiveOn(_reads.Today), m.Details)).ToList();
        var report = new SubjectReport
        {
            PersonKey = profile.PersonKey.Value,
            LinkedKeys = [.. profile.LinkedKeys.Select(k => k.Value)],
            ProducedAt = now,
            On = _reads.Today,
            Provisional = profile.Provisional,
            Profile = values,
            Status = status,
            Memberships = memberships,
            Facts = [.. facts
                .OrderBy(f => f.Source, StringComparer.Ordinal)
                .ThenBy(f => f.Discriminator, StringComparer.Ordinal)
                .Select(f => new SubjectFact(f.Source, f.Discriminator, f.Attributes, f.LastBatch, f.FirstSeenAt, f.UpdatedAt, f.EndedAt))],
            Accesses = [.. trail.Where(r => r.Event.Action != AuditAction.EventsDeliver).Select(Access)],
            SharedWith = [.. trail.Where(r => r.Event.Action == AuditAction.EventsDeliver).Select(Disclosure)],
            TrailCut = cut,
        };

        // Everything is given in full: the report is the resident's own data, handed to the resident.
        var given = values.Select(v => v.Attribute)
            .Concat(status is null ? [] : [status.Attribute])
            .Concat(memberships.SelectMany(m => m.Details.Keys))
            .Concat(facts.SelectMany(f => f.Attributes.Keys))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var attribute in given)
        {
            log.Disclose(attribute, masked: false);
        }

        log.RecordCount = 1;
        return log.Answer(report);
    }

    // The audit trail keeps the keys its events were written with: after a pepper rotation a person's events before it
    // are under the keys they had then.
    private async Task<List<PersonKey>> EveryKeyAsync(IReadOnlyList<PersonKey> keys, CancellationToken cancellationToken)
    {
        var every = new List<PersonKey>();
        foreach (var key in keys)
        {
            every.AddRange((await _keys.KeysOfPersonAsync(key, cancellationToken).ConfigureAwait(false)).Except(every));
        }

        return every;
    }

    private async Task<(List<AuditRecord> Trail, bool Cut)> ReadTrailAsync(IReadOnlyList<PersonKey> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now.AddYears(-_auditOptions.Value.RetentionYears);
        var found = new Dictionary<long, AuditRecord>();
        var cut = false;
        foreach (var key in keys)
        {
            await foreach (var record in _audit.SearchAllAsync(new AuditQuery { From = from, To = now.AddSeconds(1), PersonKey = key }, cancellationToken).ConfigureAwait(false))
            {
                if (found.Count == MaxTrail)
                {
                    cut = true;
                    break;
                }

                found.TryAdd(record.Sequence, record);
            }
        }

        return ([.. found.Values.OrderBy(r => r.Sequence)], cut);
    }

    private static IEnumerable<SubjectValue> Values(PersonProfile profile)
    {
        foreach (var (attribute, value) in profile.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var others = value.Conflicts.Select(c => Value(attribute, c.Value, c.Provenance, [])).ToList();
            yield return Value(attribute, value.Value, value.Provenance, others);
        }

        foreach (var (prefix, place) in new[] { ("residence", profile.Residence), ("registration", profile.Registration) })
        {
            if (place is null)
            {
                continue;
            }

            yield return Value(prefix + "Division", place.Division.Value, place.Provenance, []);
            if (place.Grid is { } grid)
            {
                yield return Value(prefix + "Grid", grid, place.Provenance, []);
            }

            if (place.Address is { } address)
            {
                yield return Value(prefix + "Address", address, place.Provenance, []);
            }
        }
    }

    private SubjectValue? Status(PersonProfile profile) =>
        profile is { Status: { } status, StatusProvenance: { } provenance }
            ? Value(_rules.PersonStatusAttribute, Hub.Core.Access.Residents.ResidentStatusFilter.NameOf(status), provenance, [])
            : null;

    private static SubjectValue Value(string attribute, string value, Provenance provenance, IReadOnlyList<SubjectValue> others) =>
        new(attribute, value, provenance.Source, provenance.Batch, provenance.AsOf, others);

    private static SubjectAccess Access(AuditRecord record)
    {
        var e = record.Event;
        return new SubjectAccess(record.Sequence, record.Time, e.Actor.UserId, e.Actor.Role, e.Actor.Division, e.Action.Value, e.Purpose,
            e.Outcome.ToString().ToLowerInvariant(), e.IsBreakGlass, [.. e.Fields.Select(f => f.Name)]);
    }

    private static SubjectDisclosure Disclosure(AuditRecord record)
    {
        var e = record.Event;
        var resource = e.Resource ?? string.Empty;
        var push = PushResource().Match(resource);
        var pull = PullResource().Match(resource);
        var subscription = push.Success ? push.Groups[1].Value : pull.Success ? pull.Groups[1].Value : null;
        return new SubjectDisclosure(record.Sequence, record.Time, subscription, push.Success ? "push" : "pull", e.Actor.UserId, e.Actor.Role, e.Actor.Division, e.Purpose,
            [.. e.Fields.Select(f => f.Name)]);
    }

    // The resources the subscription paths record: "push {id} delivery …" for a push, "… subscription={id}" for a pull.
    [GeneratedRegex(@"^push (\S+) delivery ", RegexOptions.CultureInvariant)]
    private static partial Regex PushResource();

    [GeneratedRegex(@"subscription=(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex PullResource();
}
