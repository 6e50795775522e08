using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// Maps the columns whose header names an attribute: whole headers first, then headers with a known name inside. A
/// whole header is taken whatever its values (the comment says how well they fit); a name inside one only when the
/// values fit, else the field is suggested.
/// </summary>
internal static class HeaderStep
{
    public static void Run(DraftState state)
    {
        var matches = state.Open.Where(DraftState.IsNamed)
            .Select(p => (Profile: p, Match: state.Knowledge.Match(p.Column)))
            .Where(m => m.Match is not null)
            .OrderBy(m => m.Match!.Exact ? 0 : 1)
            .ThenBy(m => m.Profile.Number)
            .ToList();
        foreach (var (profile, match) in matches)
        {
            Decide(state, profile, match!);
        }
    }

    private static void Decide(DraftState state, ColumnProfile profile, HeaderMatch match)
    {
        var attribute = match.Attribute;
        if (attribute.Type == FieldType.ResidentId)
        {
            state.Ignore(profile, state.IdColumn is { } id
                ? $"{match.Reason}, but {profile.Of(profile.IdLike)} look like ID numbers, and {id.Column} keys the person"
                : $"{match.Reason}, but only {profile.Of(profile.IdLike)} look like ID numbers, too few to key the person by");
            return;
        }

        if (state.IsTaken(attribute.Name))
        {
            var feeder = state.ColumnOf(attribute.Name) is { Length: > 0 } column ? column : "another field";
            state.Ignore(profile, $"{match.Reason}, which {feeder} feeds already; keep one (if both are the same column under two names, list this header among that field's aliases)");
            return;
        }

        var fits = Evidence.Share(profile, attribute);
        var reason = match.Reason + Evidence.Describe(profile, attribute);
        var field = DraftState.FieldFor(attribute, profile.Column);
        if (match.Exact || fits >= MappingDrafter.Plausible || profile.NonEmpty == 0)
        {
            var check = profile.NonEmpty > 0 && fits < MappingDrafter.Recognised
                ? "; check the column: a value the Hub cannot read is dropped from an optional field, and rejects the row of a required one"
                : string.Empty;
            state.Add(profile, CodeLists.Attach(state, field, attribute, profile), DraftOutcome.Mapped, reason + check, profile.Number);
            return;
        }

        state.Add(profile, CodeLists.Attach(state, field, attribute, profile), DraftOutcome.Suggested, reason + "; too few fit for the draft to be sure", profile.Number);
    }
}
