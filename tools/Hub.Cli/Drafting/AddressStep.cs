using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// When no column holds the address but several hold parts of it (楼栋, 单元, 房号), joins them with a template in the
/// order an address is written; a part of bare numbers gets its suffix (3 → 3栋).
/// </summary>
internal static class AddressStep
{
    private const string Attribute = "residenceAddress";

    public static void Run(DraftState state)
    {
        if (state.IsTaken(Attribute))
        {
            return;
        }

        var parts = state.Open.Where(p => DraftState.IsNamed(p) && p.Column.IndexOfAny(['{', '}']) < 0)
            .Select(p => (Profile: p, Rank: Rank(state, p)))
            .Where(p => p.Rank >= 0)
            .GroupBy(p => p.Rank)
            .Select(g => g.OrderBy(p => p.Profile.Number).First())
            .OrderBy(p => p.Rank)
            .ToList();
        if (parts.Count < 2)
        {
            return;
        }

        var template = string.Concat(parts.Select(p =>
            "{" + p.Profile.Column + "}" + (p.Profile.Share(p.Profile.WholeNumbers) >= MappingDrafter.Plausible ? state.Knowledge.AddressParts[p.Rank].Suffix : string.Empty)));
        var names = string.Join(", ", parts.Select(p => p.Profile.Column));
        var field = DraftState.FieldFor(state.Known(Attribute, FieldType.Text), string.Empty) with { Template = template, Required = false };
        var reason = $"no column holds the address, but {names} hold its parts (the draft's list of address parts); the template joins them, a part of bare numbers followed by its suffix, and a row with any part empty has no address";
        state.Add(null, field, DraftOutcome.Mapped, reason, parts.Min(p => p.Profile.Number));
        foreach (var (profile, _) in parts)
        {
            state.Fate(profile, DraftOutcome.Mapped, Attribute, $"a part of the address the template {template} joins");
        }
    }

    private static int Rank(DraftState state, ColumnProfile profile)
    {
        var key = AttributeKnowledge.Key(profile.Column);
        for (var i = 0; i < state.Knowledge.AddressParts.Count; i++)
        {
            if (state.Knowledge.AddressParts[i].Headers.Any(h => AttributeKnowledge.Key(h) == key))
            {
                return i;
            }
        }

        return -1;
    }
}
