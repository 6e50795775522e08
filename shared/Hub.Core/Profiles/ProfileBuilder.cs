using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>
/// Derives a person's profile from all facts about them by the profile rules. Pure and deterministic: no clock, no
/// storage; the same facts and day always give the same profile, whatever order the facts come in.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly ProfileRules _rules;
    private readonly Func<byte[], byte[]> _householdKeyHash;
    private readonly HashSet<string> _notPersonAttributes;
    private readonly MembershipReader _memberships;
    private readonly StatusReader _status;
    private readonly PlaceResolver _residence;
    private readonly PlaceResolver _registration;

    /// <summary>Creates a builder from valid rules.</summary>
    /// <param name="rules">The rules; invalid rules are refused.</param>
    /// <param name="householdKeyHash">The keyed hash for household keys, e.g. <see cref="HouseholdKey.HmacSha256"/> with the pepper.</param>
    public ProfileBuilder(ProfileRules rules, Func<byte[], byte[]> householdKeyHash)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(householdKeyHash);
        var errors = ProfileRules.Validate(rules);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The profile rules are invalid: {string.Join("; ", errors)}", nameof(rules));
        }

        _rules = rules;
        _householdKeyHash = householdKeyHash;

        // Record attributes belong to the membership their fact makes; place attributes to the place. As person
        // attributes they would be compared across records as if they were rival values of one thing.
        _notPersonAttributes = new HashSet<string>(rules.RecordAttributes, StringComparer.Ordinal);
        foreach (var place in new[] { rules.Residence, rules.Registration })
        {
            _notPersonAttributes.UnionWith(new[] { place.Division, place.Grid, place.Address }.OfType<string>());
        }

        _memberships = new MembershipReader(rules);
        _status = new StatusReader(rules);
        _residence = new PlaceResolver(rules.Residence, rules, "residence");
        _registration = new PlaceResolver(rules.Registration, rules, "registration");
    }

    /// <summary>Builds the profile of <paramref name="personKey"/> from <paramref name="facts"/>, with places as current on <paramref name="today"/>.</summary>
    public PersonProfile Build(PersonKey personKey, IReadOnlyList<FactView> facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var problems = new List<string>();

        // Ordered by recency once; each attribute then keeps the facts stating it and puts authority first with a
        // stable sort, which gives the order of authority, then recency, without sorting every attribute afresh.
        var byRecency = FactOrder.ByRecency(facts, today, _rules).ToList();
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in facts.SelectMany(f => f.Attributes.Keys).Where(a => !_notPersonAttributes.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Survive(attribute, byRecency) is { } value)
            {
                attributes[attribute] = value;
            }
        }

        var registration = _registration.Resolve(facts, today, problems);
        var number = attributes.GetValueOrDefault(_rules.Household.Number)?.Value;
        var status = _status.Read(attributes, problems);
        var memberships = _memberships.Read(facts, problems);
        if (status.Status == PersonStatus.Deceased)
        {
            memberships = memberships.Select(m => m with { HolderDeceasedOn = status.Since }).ToList();
        }

        return new PersonProfile
        {
            PersonKey = personKey,
            BuiltFor = today,
            Attributes = attributes,
            Memberships = memberships,
            Residence = _residence.Resolve(facts, today, problems),
            Registration = registration,
            HouseholdKey = HouseholdKey.Create(number, registration?.Address, _householdKeyHash),
            RelationToHead = attributes.GetValueOrDefault(_rules.Household.Relation)?.Value,
            Status = status.Status,
            StatusDate = status.Date,
            StatusSince = status.Since,
            StatusProvenance = status.Provenance,
            Sources = facts.Select(f => f.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Problems = problems.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// The surviving value of one attribute: authority first (a listed source, in its order, before any other), then
    /// current before ended, then the most recently updated. With fallback none, only listed sources may win.
    /// </summary>
    private AttributeValue? Survive(string attribute, List<FactView> byRecency)
    {
        var rule = _rules.RuleFor(attribute);
        var listed = rule.Survivorship == Survivorship.Authoritative ? rule.Sources : [];
        var ranked = byRecency.FindAll(f => f.ValueOf(attribute) is not null);
        if (ranked.Count == 0)
        {
            return null;
        }

        if (listed.Count > 0 && ranked.Count > 1)
        {
            // OrderBy is stable (List.Sort is not): facts of equal authority stay in recency order.
            ranked = [.. ranked.OrderBy(f => Rank(listed, f.Source))];
        }

        var winner = ranked[0];
        if (rule.Survivorship == Survivorship.Authoritative && rule.Fallback == SurvivorshipFallback.None && Rank(listed, winner.Source) == listed.Count)
        {
            return null;
        }

        var value = winner.ValueOf(attribute)!;
        var conflicts = ranked
            .Select(f => (Fact: f, Value: f.ValueOf(attribute)!))
            .Where(c => !string.Equals(c.Value, value, StringComparison.Ordinal))
            .DistinctBy(c => (c.Fact.Source, c.Value))
            .Select(c => new SourcedValue(c.Value, FactOrder.ProvenanceOf(c.Fact, _rules)))
            .ToList();
        return new AttributeValue(value, FactOrder.ProvenanceOf(winner, _rules), conflicts);
    }

    private static int Rank(IReadOnlyList<string> listed, string source)
    {
        for (var i = 0; i < listed.Count; i++)
        {
            if (string.Equals(listed[i], source, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return listed.Count;
    }
}
