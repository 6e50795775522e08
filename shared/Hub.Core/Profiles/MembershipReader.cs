using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>Turns facts into special-group memberships by the group rules.</summary>
internal sealed class MembershipReader(ProfileRules rules)
{
    private readonly (GroupRule Rule, GroupId Group, FactSelector Selector)[] _groups =
        rules.Groups.Select(g => (g, GroupId.Parse(g.Group), g.Selector)).ToArray();

    public IReadOnlyList<Membership> Read(IReadOnlyList<FactView> facts, List<string> problems)
    {
        var memberships = new List<Membership>();
        foreach (var fact in facts)
        {
            foreach (var (rule, group, selector) in _groups)
            {
                if (selector.Matches(fact) && TryRead(fact, rule, group, problems) is { } membership)
                {
                    memberships.Add(membership);
                }
            }
        }

        return memberships
            .OrderBy(m => m.Group.Value, StringComparer.Ordinal)
            .ThenBy(m => m.ValidFrom)
            .ThenBy(m => m.Source, StringComparer.Ordinal)
            .ThenBy(m => m.Provenance.Batch, StringComparer.Ordinal)
            .ToList();
    }

    private Membership? TryRead(FactView fact, GroupRule rule, GroupId group, List<string> problems)
    {
        if (!FactDates.TryRead(fact, rule.ValidFrom, out var from))
        {
            problems.Add(FactDates.Unreadable(fact, rule.ValidFrom, $"{group} membership"));
            return null;
        }

        // An unreadable end must not turn into an open-ended membership: the fact gives none until it is fixed.
        if (!FactDates.TryRead(fact, rule.ValidTo, out var to))
        {
            problems.Add(FactDates.Unreadable(fact, rule.ValidTo, $"{group} membership"));
            return null;
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in rule.Details)
        {
            if (fact.ValueOf(attribute) is { } value)
            {
                details[attribute] = value;
            }
        }

        return new Membership
        {
            Group = group,
            ValidFrom = from ?? rules.DayOf(fact.FirstSeenAt ?? fact.UpdatedAt),
            ValidFromIsFirstSeen = from is null,
            ValidTo = to,
            EndedAt = fact.EndedAt,
            EndedOn = fact.EndedAt is { } ended ? rules.DayOf(ended) : null,
            Details = details,
            Provenance = FactOrder.ProvenanceOf(fact, rules),
        };
    }
}
