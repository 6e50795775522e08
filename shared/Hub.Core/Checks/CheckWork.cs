using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Checks;

/// <summary>
/// What the checks found among one batch's rebuilt persons, collected while the batch resolves: each person is
/// evaluated from the facts already in memory as their rows are rebuilt, and only the findings and a small summary
/// stay, so memory grows with the persons touched, not with their facts. Thread-safe.
/// </summary>
internal sealed class CheckWork(CheckEvaluator evaluator, ProfileBuilder profiles, DateOnly today)
{
    private readonly Lock _gate = new();
    private readonly HashSet<PersonKey> _evaluated = [];
    private readonly Dictionary<PersonKey, EvaluatedPerson> _found = [];
    private readonly Dictionary<HouseholdKey, Dictionary<PersonKey, HouseholdPeer>> _households = [];

    /// <summary>The day the checks are evaluated on.</summary>
    public DateOnly Today => today;

    /// <summary>Every person evaluated: their open items that are not found again are resolved.</summary>
    public IReadOnlyCollection<PersonKey> Evaluated
    {
        get
        {
            lock (_gate)
            {
                return [.. _evaluated];
            }
        }
    }

    /// <summary>
    /// The persons something was found for, or whose household is to be looked at: only they are kept whole, so a
    /// batch of a million persons keeps a million keys and a few summaries.
    /// </summary>
    public IReadOnlyCollection<EvaluatedPerson> Found
    {
        get
        {
            lock (_gate)
            {
                return [.. _found.Values];
            }
        }
    }

    /// <summary>Evaluates the person whose records (their own and their members') are <paramref name="facts"/>; a later call for the same person replaces an earlier one.</summary>
    public void Observe(PersonKey person, IReadOnlyList<FactView> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var profile = profiles.Build(person, facts, today);
        var findings = evaluator.Evaluate(profile, today, []);
        var needsHousehold = evaluator.NeedsHousehold(profile, today);
        var kept = findings.Count > 0 || needsHousehold;
        var evaluated = !kept ? null : new EvaluatedPerson(
            person,
            findings,
            needsHousehold ? profile : null,
            PlaceOf(profile.Residence),
            PlaceOf(profile.Registration),
            profile.Attributes.GetValueOrDefault("name")?.Value,
            profile.Attributes.GetValueOrDefault("name")?.Provenance.Source);
        lock (_gate)
        {
            _evaluated.Add(person);
            if (evaluated is null)
            {
                _found.Remove(person);
            }
            else
            {
                _found[person] = evaluated;
            }

            // Only the holders of what a household condition asks another member for can be that other member.
            if (profile.HouseholdKey is { } household && profile.Memberships.Any(m => evaluator.HouseholdGroups.Contains(m.Group.Value)))
            {
                if (!_households.TryGetValue(household, out var members))
                {
                    _households[household] = members = [];
                }

                members[person] = new HouseholdPeer(
                    person,
                    profile.Status is null or PersonStatus.Active,
                    profile.Memberships.Select(m => new PeerMembership(m.Group, m.ValidFrom, m.LastDay, m.Source, m.Provenance.Batch)).ToList());
            }
        }
    }

    /// <summary>The members of <paramref name="household"/> evaluated in this batch.</summary>
    public IReadOnlyList<HouseholdPeer> HouseholdMembers(HouseholdKey household)
    {
        lock (_gate)
        {
            return _households.TryGetValue(household, out var members) ? [.. members.Values] : [];
        }
    }

    /// <summary>The findings of a person who needs their household, with <paramref name="household"/>'s other members.</summary>
    public IReadOnlyList<CheckFinding> EvaluateWithHousehold(PersonProfile profile, IReadOnlyList<HouseholdPeer> household) =>
        evaluator.Evaluate(profile, today, household);

    private static DivisionPlace? PlaceOf(Place? place) =>
        place is null ? null : new DivisionPlace(place.Division, GridCode.TryParse(place.Grid, out var grid) ? grid : null);
}
