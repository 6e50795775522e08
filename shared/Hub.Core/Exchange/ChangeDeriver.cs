using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Microsoft.Extensions.Options;

namespace Hub.Core.Exchange;

/// <summary>
/// Derives the typed changes of one person from their facts before and after a merge: both profiles are built in
/// memory by the profile rules and compared, so deriving costs no storage operation. Pure: the same facts and day
/// always give the same events with the same ids.
/// </summary>
internal sealed class ChangeDeriver(ProfileBuilder builder, ProfileRules rules, IOptions<ChangeEventOptions> options)
{
    /// <summary>The events that turning <paramref name="before"/> into <paramref name="after"/> makes, as of <paramref name="today"/>.</summary>
    public IReadOnlyList<ChangeEvent> Derive(PersonKey person, IReadOnlyList<FactView> before, IReadOnlyList<FactView> after, string source, string batchId, DateOnly today)
    {
        var old = builder.Build(person, before, today);
        var now = builder.Build(person, after, today);
        var draft = new Draft(person, source, batchId, today, old, now);
        Status(draft);
        Moved(draft, ChangeEventType.ResidenceMoved, old.Residence, now.Residence, rules.Residence);
        Moved(draft, ChangeEventType.RegistrationMoved, old.Registration, now.Registration, rules.Registration);
        Household(draft);
        Memberships(draft);
        return draft.Events;
    }

    /// <summary>
    /// The event of <paramref name="record"/> (a record kept without an ID, or a provisional person) linked into
    /// <paramref name="golden"/>: placed where the record's own facts place it, since the golden person's are not read.
    /// </summary>
    public ChangeEvent Linked(PersonKey record, PersonKey golden, IReadOnlyList<FactView> facts, string source, string batchId, DateOnly today)
    {
        var profile = builder.Build(record, facts, today);
        AttributeChange[] identity = [new("linkedKey", string.Empty, null, record.Value)];
        return new ChangeEvent
        {
            Id = ChangeEvent.StableId(golden, ChangeEventType.IdentitiesMerged, null, identity, null),
            Type = ChangeEventType.IdentitiesMerged,
            PersonKey = golden,
            Source = source,
            BatchId = batchId,
            EffectiveDate = today,
            LinkedKey = record.Value,
            Groups = profile.GroupsActiveOn(today),
            ResidenceBefore = Draft.PlaceOf(profile.Residence),
            ResidenceAfter = Draft.PlaceOf(profile.Residence),
            RegistrationBefore = Draft.PlaceOf(profile.Registration),
            RegistrationAfter = Draft.PlaceOf(profile.Registration),
        };
    }

    private void Status(Draft draft)
    {
        var (old, now) = (draft.Old, draft.Now);
        if (now.Status is not { } status || (old.Status == status && old.StatusDate == now.StatusDate))
        {
            return;
        }

        if (old.Status is null && status == PersonStatus.Active)
        {
            // A person first known as active has not changed status.
            return;
        }

        var changes = new List<AttributeChange> { Change(rules.PersonStatusAttribute, old, now) };
        var dateAttribute = status == PersonStatus.Deceased ? rules.DeathDateAttribute : rules.MovedOutOnAttribute;
        if (now.ValueOf(dateAttribute) is not null || old.ValueOf(dateAttribute) is not null)
        {
            changes.Add(Change(dateAttribute, old, now));
        }

        var type = status == PersonStatus.Deceased ? ChangeEventType.PersonDeceased : ChangeEventType.PersonStatusChanged;
        draft.Add(type, null, changes.Where(c => c.Source.Length > 0).ToList(), now.StatusDate);
    }

    private static void Moved(Draft draft, ChangeEventType type, Place? old, Place? now, PlaceRule rule)
    {
        if (old?.Division == now?.Division && old?.Grid == now?.Grid)
        {
            return;
        }

        if (old is null)
        {
            // A person the Hub did not place before is placed, not moved.
            return;
        }

        var source = (now ?? old).Provenance.Source;
        var changes = new List<AttributeChange>
        {
            new(rule.Division, source, old.Division.Value, now?.Division.Value),
        };
        if (rule.Grid is { } grid && (old.Grid is not null || now?.Grid is not null))
        {
            changes.Add(new AttributeChange(grid, source, old.Grid, now?.Grid));
        }

        if (rule.Address is { } address && (old.Address is not null || now?.Address is not null))
        {
            changes.Add(new AttributeChange(address, source, old.Address, now?.Address));
        }

        draft.Add(type, null, changes, null);
    }

    private void Household(Draft draft)
    {
        var (old, now) = (draft.Old, draft.Now);
        if (old.HouseholdKey is null || now.HouseholdKey is null || old.HouseholdKey == now.HouseholdKey)
        {
            // Gaining a first household, or losing every fact that names one, is not a move between households.
            return;
        }

        var changes = new[] { rules.Household.Number, rules.Household.Relation }
            .OfType<string>()
            .Where(a => !string.Equals(old.ValueOf(a), now.ValueOf(a), StringComparison.Ordinal))
            .Select(a => Change(a, old, now))
            .Where(c => c.Source.Length > 0)
            .ToList();
        draft.Add(ChangeEventType.HouseholdChanged, null, changes, null, old.HouseholdKey.Value.Value, now.HouseholdKey.Value.Value);
    }

    private void Memberships(Draft draft)
    {
        var (old, now, today) = (draft.Old, draft.Now, draft.Today);
        var groups = old.Memberships.Concat(now.Memberships).Select(m => m.Group).Distinct().OrderBy(g => g.Value, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var was = old.Memberships.FirstOrDefault(m => m.Group == group && m.IsActiveOn(today));
            var isNow = now.Memberships.FirstOrDefault(m => m.Group == group && m.IsActiveOn(today));
            if (was is null && isNow is not null)
            {
                draft.Add(ChangeEventType.MembershipStarted, group, MembershipChanges(group, null, isNow), isNow.ValidFromIsFirstSeen ? null : isNow.ValidFrom);
            }
            else if (was is not null && isNow is null)
            {
                var ended = now.Memberships.FirstOrDefault(m => m.Group == group && m.Source == was.Source && m.ValidFrom == was.ValidFrom) ?? was;
                var (day, stated, reason) = EndOf(ended, now, today);
                var changes = MembershipChanges(group, was, ended == was ? null : ended);
                draft.Add(ChangeEventType.MembershipEnded, group, changes, stated ? day : null, effective: day, reason: reason);
            }
            else if (was is not null && isNow is not null)
            {
                Disability(draft, group, was, isNow);
            }

            if (isNow is { ValidTo: { } to } && options.Value.ExpiringGroups.Contains(group.Value)
                && to >= today && to <= today.AddDays(options.Value.ExpiryHorizonDays)
                && !old.Memberships.Any(m => m.Group == group && m.Source == isNow.Source && m.ValidTo == to))
            {
                draft.Add(ChangeEventType.MembershipExpiring, group, MembershipChanges(group, was, isNow), to);
            }
        }
    }

    private static void Disability(Draft draft, GroupId group, Membership was, Membership isNow)
    {
        if (group != GroupId.Disability)
        {
            return;
        }

        var changes = was.Details.Keys.Union(isNow.Details.Keys)
            .Where(d => !string.Equals(was.Details.GetValueOrDefault(d), isNow.Details.GetValueOrDefault(d), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(d => new AttributeChange(d, isNow.Source, was.Details.GetValueOrDefault(d), isNow.Details.GetValueOrDefault(d)))
            .ToList();
        if (changes.Count > 0)
        {
            draft.Add(ChangeEventType.DisabilityChanged, group, changes, null);
        }
    }

    // The membership's own attribute (which says the group), its validity and its details, before and after.
    private List<AttributeChange> MembershipChanges(GroupId group, Membership? was, Membership? isNow)
    {
        var source = (isNow ?? was)!.Source;
        var rule = rules.Groups.FirstOrDefault(r => r.Group == group.Value && r.Source == source);
        var changes = new List<AttributeChange>();
        if (rule?.Attribute is { } attribute)
        {
            var value = (isNow ?? was)!.Details.GetValueOrDefault(attribute) ?? (rule.Values.Count > 0 ? rule.Values[0] : null) ?? group.Value;
            changes.Add(new AttributeChange(attribute, source, was is null ? null : value, isNow is null ? null : value));
        }

        changes.Add(new AttributeChange(rule?.ValidFrom ?? "validFrom", source, Day(was?.ValidFrom), Day(isNow?.ValidFrom)));
        changes.Add(new AttributeChange(rule?.ValidTo ?? "validTo", source, Day(was?.ValidTo), Day(isNow?.ValidTo)));
        return changes.Where(c => c.Before != c.After || c.Attribute == rule?.Attribute).ToList();
    }

    // The first day a membership is no longer active, whether a source stated it, and why it ended.
    private static (DateOnly Day, bool Stated, string Reason) EndOf(Membership membership, PersonProfile now, DateOnly today)
    {
        if (membership.IsInactiveByDeathOn(today) && membership.HolderDeceasedOn is { } death)
        {
            return (death.AddDays(1), now.StatusDate is not null, ChangeEvent.EndedByDeath);
        }

        if (membership.EndedOn is { } withdrawn && (membership.ValidTo is null || membership.ValidTo >= withdrawn))
        {
            return (withdrawn, false, ChangeEvent.EndedByWithdrawal);
        }

        return membership.LastDay is { } last ? (last.AddDays(1), true, ChangeEvent.EndedByValidity) : (today, false, ChangeEvent.EndedByValidity);
    }

    private static AttributeChange Change(string attribute, PersonProfile old, PersonProfile now)
    {
        var source = now.Attributes.GetValueOrDefault(attribute)?.Provenance.Source ?? old.Attributes.GetValueOrDefault(attribute)?.Provenance.Source ?? string.Empty;
        return new AttributeChange(attribute, source, old.ValueOf(attribute), now.ValueOf(attribute));
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Draft(PersonKey person, string source, string batchId, DateOnly today, PersonProfile old, PersonProfile now)
    {
        private readonly IReadOnlyList<GroupId> _groups = old.GroupsActiveOn(today).Union(now.GroupsActiveOn(today)).OrderBy(g => g.Value, StringComparer.Ordinal).ToList();

        public List<ChangeEvent> Events { get; } = [];

        public string Source => source;

        public DateOnly Today => today;

        public PersonProfile Old => old;

        public PersonProfile Now => now;

        public void Add(ChangeEventType type, GroupId? group, List<AttributeChange> changes, DateOnly? stated, string? householdBefore = null, string? householdAfter = null, DateOnly? effective = null, string? reason = null)
        {
            if (changes.Count == 0 && householdBefore is null)
            {
                return;
            }

            var id = ChangeEvent.StableId(person, type, group, changes, stated);
            if (Events.Any(e => e.Id == id))
            {
                return;
            }

            Events.Add(new ChangeEvent
            {
                Id = id,
                Type = type,
                PersonKey = person,
                Source = source,
                BatchId = batchId,
                EffectiveDate = stated ?? effective ?? today,
                EffectiveDateStated = stated is not null,
                Group = group,
                Changes = changes,
                Groups = group is { } g && !_groups.Contains(g) ? [.. _groups, g] : _groups,
                ResidenceBefore = PlaceOf(old.Residence ?? now.Residence),
                ResidenceAfter = PlaceOf(now.Residence),
                RegistrationBefore = PlaceOf(old.Registration ?? now.Registration),
                RegistrationAfter = PlaceOf(now.Registration),
                HouseholdBefore = householdBefore,
                HouseholdAfter = householdAfter,
                Reason = reason,
            });
        }

        public static DivisionPlace? PlaceOf(Place? place) =>
            place is null ? null : new DivisionPlace(place.Division, GridCode.TryParse(place.Grid, out var grid) ? grid : null);
    }
}
