using System.Globalization;
using Hub.Core.Profiles;

namespace Hub.Core.Checks;

/// <summary>
/// Evaluates the checks on one person's profile. Pure: the same profile, household and day give the same findings,
/// with the same identities, so evaluating the same data again finds nothing new.
/// </summary>
internal sealed class CheckEvaluator(CheckRules checks, ProfileRules profiles)
{
    private readonly Dictionary<(string Group, string Source), GroupRule> _groupRules = profiles.Groups
        .GroupBy(g => (g.Group, g.Source))
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The groups a household condition asks another member to hold.</summary>
    public IReadOnlySet<string> HouseholdGroups { get; } = checks.Checks
        .SelectMany(c => c.When.Household?.OtherMemberIn ?? [])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The checks evaluated.</summary>
    public CheckRules Checks => checks;

    /// <summary>True when a check with a household condition may hold for the person, so their household's members are needed.</summary>
    public bool NeedsHousehold(PersonProfile profile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return checks.Checks.Any(c => c.When.Household is { } household && HouseholdPlaceHolds(profile, household) && Candidates(c, profile, today).Any());
    }

    /// <summary>
    /// The findings for <paramref name="profile"/> on <paramref name="today"/>; <paramref name="household"/> holds the
    /// other members of the person's household (empty when none are known, and checks on households then do not hold).
    /// </summary>
    public IReadOnlyList<CheckFinding> Evaluate(PersonProfile profile, DateOnly today, IReadOnlyList<HouseholdPeer> household)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(household);
        var findings = new List<CheckFinding>();
        foreach (var check in checks.Checks)
        {
            foreach (var membership in Candidates(check, profile, today))
            {
                var evidence = new List<CheckEvidence>();
                var identity = new List<string> { check.Id, profile.PersonKey.Value };
                // A death or move out is evidence; being alive and registered is not.
                if (check.When.Status.Count > 0 && profile.Status is PersonStatus.Deceased or PersonStatus.MovedOut && StatusEvidence(profile) is { } status)
                {
                    evidence.Add(status);
                    identity.Add(string.Create(CultureInfo.InvariantCulture, $"{profile.Status}:{profile.StatusSince:yyyy-MM-dd}"));
                }

                evidence.Add(MembershipEvidence(membership));
                identity.Add(string.Create(CultureInfo.InvariantCulture, $"{membership.Group.Value}:{membership.Source}:{membership.ValidFrom:yyyy-MM-dd}"));
                if (check.When.Household is { } condition)
                {
                    var peers = HouseholdPeers(profile, condition, household, today);
                    if (peers.Count == 0)
                    {
                        continue;
                    }

                    if (HouseholdEvidence(profile) is { } place)
                    {
                        evidence.Add(place);
                    }

                    foreach (var (peer, held) in peers)
                    {
                        evidence.Add(PeerEvidence(peer, held));
                        identity.Add(string.Create(CultureInfo.InvariantCulture, $"{peer.PersonKey.Value}:{held.Group.Value}:{held.ValidFrom:yyyy-MM-dd}"));
                    }
                }

                findings.Add(new CheckFinding(check, profile.PersonKey, evidence, string.Join('|', identity)));
            }
        }

        return findings;
    }

    // The memberships for which every clause but the household's holds.
    private static IEnumerable<Membership> Candidates(CheckRule check, PersonProfile profile, DateOnly today)
    {
        var when = check.When;
        if (when.Membership is not { } condition || (when.Status.Count > 0 && !when.Status.Contains(StatusName(profile.Status), StringComparer.Ordinal)))
        {
            return [];
        }

        return profile.Memberships
            .Where(m => condition.Groups.Contains(m.Group.Value, StringComparer.Ordinal))
            .Where(m => condition.Sources.Count == 0 || condition.Sources.Contains(m.Source, StringComparer.Ordinal))
            .Where(m => StateHolds(condition, m, profile, today));
    }

    private static bool StateHolds(MembershipCondition condition, Membership membership, PersonProfile profile, DateOnly today) => condition.State switch
    {
        MembershipState.StatedActive => membership.IsStatedActiveOn(today),
        MembershipState.Lapsed => membership.ValidTo < today
            && membership.EndedOn is null
            && !profile.Memberships.Any(m => m.Group == membership.Group && m.IsStatedActiveOn(today)),
        MembershipState.StatedActiveAfterStatus => profile.StatusSince is { } since
            && GraceEnd(since, condition.Grace) is var graceEnd
            && (membership.LastDay is null || membership.LastDay > graceEnd)
            && (membership.LastDay is null || membership.ValidFrom <= membership.LastDay),
        _ => false,
    };

    private static DateOnly GraceEnd(DateOnly since, StatusGrace grace) =>
        grace == StatusGrace.EndOfMonth ? new DateOnly(since.Year, since.Month, 1).AddMonths(1).AddDays(-1) : since;

    private static bool HouseholdPlaceHolds(PersonProfile profile, HouseholdCondition condition) =>
        profile.HouseholdKey is not null && (!condition.NotHead || (profile.RelationToHead is { } relation && relation != HouseholdView.HeadRelation));

    private static List<(HouseholdPeer Peer, PeerMembership Held)> HouseholdPeers(PersonProfile profile, HouseholdCondition condition, IReadOnlyList<HouseholdPeer> household, DateOnly today)
    {
        if (!HouseholdPlaceHolds(profile, condition))
        {
            return [];
        }

        return household
            .Where(p => p.PersonKey != profile.PersonKey && p.Present)
            .OrderBy(p => p.PersonKey.Value, StringComparer.Ordinal)
            .SelectMany(p => p.Memberships
                .Where(m => condition.OtherMemberIn.Contains(m.Group.Value, StringComparer.Ordinal) && m.IsStatedActiveOn(today))
                .OrderBy(m => m.Group.Value, StringComparer.Ordinal)
                .ThenBy(m => m.ValidFrom)
                .Take(1)
                .Select(m => (p, m)))
            .ToList();
    }

    private static string StatusName(PersonStatus? status) => status switch
    {
        PersonStatus.Active => "active",
        PersonStatus.Deceased => "deceased",
        PersonStatus.MovedOut => "movedOut",
        _ => "none",
    };

    private CheckEvidence? StatusEvidence(PersonProfile profile)
    {
        if (profile.StatusProvenance is not { } provenance)
        {
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.ValueOf(profiles.PersonStatusAttribute) is { } status)
        {
            attributes[profiles.PersonStatusAttribute] = status;
        }

        var dateAttribute = profile.Status switch
        {
            PersonStatus.Deceased => profiles.DeathDateAttribute,
            PersonStatus.MovedOut => profiles.MovedOutOnAttribute,
            _ => null,
        };
        if (dateAttribute is not null && profile.StatusDate is { } date)
        {
            attributes[dateAttribute] = Day(date);
        }

        return new CheckEvidence { Kind = EvidenceKind.Status, Source = provenance.Source, Batch = provenance.Batch, AsOf = provenance.AsOf, Attributes = attributes };
    }

    private CheckEvidence MembershipEvidence(Membership membership)
    {
        var rule = _groupRules.GetValueOrDefault((membership.Group.Value, membership.Source));
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!membership.ValidFromIsFirstSeen)
        {
            attributes[rule?.ValidFrom ?? "validFrom"] = Day(membership.ValidFrom);
        }

        if (membership.ValidTo is { } to)
        {
            attributes[rule?.ValidTo ?? "validTo"] = Day(to);
        }

        return new CheckEvidence
        {
            Kind = EvidenceKind.Membership,
            Source = membership.Source,
            Batch = membership.Provenance.Batch,
            AsOf = membership.Provenance.AsOf,
            Group = membership.Group,
            Attributes = attributes,
        };
    }

    private CheckEvidence? HouseholdEvidence(PersonProfile profile)
    {
        var relation = profile.Attributes.GetValueOrDefault(profiles.Household.Relation);
        return relation is null
            ? null
            : new CheckEvidence
            {
                Kind = EvidenceKind.Household,
                Source = relation.Provenance.Source,
                Batch = relation.Provenance.Batch,
                AsOf = relation.Provenance.AsOf,
                Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [profiles.Household.Relation] = relation.Value },
            };
    }

    private static CheckEvidence PeerEvidence(HouseholdPeer peer, PeerMembership held)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["validFrom"] = Day(held.ValidFrom) };
        if (held.LastDay is { } last)
        {
            attributes["validTo"] = Day(last);
        }

        return new CheckEvidence { Kind = EvidenceKind.HouseholdMember, Source = held.Source, Batch = held.Batch, Group = held.Group, Member = peer.PersonKey, Attributes = attributes };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
