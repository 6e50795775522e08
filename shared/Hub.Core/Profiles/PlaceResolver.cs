using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>Finds a person's place of one kind from the most authoritative current fact that gives one.</summary>
internal sealed class PlaceResolver(PlaceRule rule, ProfileRules rules, string name)
{
    public Place? Resolve(IReadOnlyList<FactView> facts, DateOnly today, List<string> problems)
    {
        var candidates = new List<(FactView Fact, DivisionCode Division)>();
        foreach (var fact in facts)
        {
            if (DivisionCode.TryParse(fact.ValueOf(rule.Division), out var division, out _)
                && FactOrder.IsCurrent(fact, today, rules)
                && IsValidOn(fact, today, problems))
            {
                candidates.Add((fact, division.Value));
            }
        }

        foreach (var selector in rule.From)
        {
            if (MostRecent(candidates.Where(c => selector.Matches(c.Fact)), today) is { } chosen)
            {
                return chosen;
            }
        }

        return rule.Fallback == SurvivorshipFallback.MostRecent ? MostRecent(candidates, today) : null;
    }

    private Place? MostRecent(IEnumerable<(FactView Fact, DivisionCode Division)> candidates, DateOnly today)
    {
        var list = candidates.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var fact = FactOrder.ByRecency(list.Select(c => c.Fact), today, rules).First();
        var division = list.First(c => ReferenceEquals(c.Fact, fact)).Division;
        return new Place(
            division,
            rule.Grid is null ? null : fact.ValueOf(rule.Grid),
            rule.Address is null ? null : fact.ValueOf(rule.Address),
            FactOrder.ProvenanceOf(fact, rules));
    }

    /// <summary>A fact with validity dates (a lease) gives a place only while valid: not before it starts, not after it ends.</summary>
    private bool IsValidOn(FactView fact, DateOnly today, List<string> problems)
    {
        foreach (var (attribute, isStart) in new[] { (rule.ValidFrom, true), (rule.ValidTo, false) })
        {
            if (attribute is null)
            {
                continue;
            }

            if (!FactDates.TryRead(fact, attribute, out var date))
            {
                problems.Add(FactDates.Unreadable(fact, attribute, name));
                return false;
            }

            if (date is { } day && (isStart ? day > today : day < today))
            {
                return false;
            }
        }

        return true;
    }
}
