using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// Places columns of 12-digit division codes whose header says nothing. With an ID number in the row, the column whose
/// county most often is the ID's address code is the registration (户籍) division, where IDs are issued; the next is
/// the residence. Without one, the first is the residence and a second is only suggested.
/// </summary>
internal static class DivisionStep
{
    private const string Residence = "residenceDivision";
    private const string Registration = "registrationDivision";

    public static void Run(DraftState state)
    {
        var columns = state.Open.Where(p => p.NonEmpty > 0 && p.Share(p.Divisions) >= MappingDrafter.Recognised).ToList();
        if (columns.Count == 0)
        {
            return;
        }

        if (state.IdColumn is not null && columns.Count >= 2 && !state.IsTaken(Registration) && !state.IsTaken(Residence))
        {
            var ranked = columns.Select(p => (Profile: p, County: CountyShare(state, p))).OrderByDescending(c => c.County).ThenBy(c => c.Profile.Number).ToList();
            var (first, county) = ranked[0];
            var runnerUp = ranked[1];
            var evidence = $"; its county is the ID number's address code in {ColumnProfile.Percent(county)} of rows, {DraftState.Show(runnerUp.Profile)}'s in {ColumnProfile.Percent(runnerUp.County)}";
            Place(state, first, Registration, DraftOutcome.Mapped, evidence + ": IDs are issued where a household is registered");
            Place(state, runnerUp.Profile, Residence, DraftOutcome.Mapped, $"; the other division column, {DraftState.Show(first)}, looks like the registration");
            columns = [.. ranked.Skip(2).Select(r => r.Profile)];
        }

        foreach (var profile in columns)
        {
            var attribute = !state.IsTaken(Residence) ? Residence : !state.IsTaken(Registration) ? Registration : null;
            if (attribute is null)
            {
                state.Ignore(profile, $"{profile.Of(profile.Divisions)} are 12-digit division codes, but both division attributes are fed already");
                continue;
            }

            // Without an ID to compare with, a second division column could be either: the operator decides.
            Place(state, profile, attribute, attribute == Residence ? DraftOutcome.Mapped : DraftOutcome.Suggested, "; which division it is is a guess");
        }
    }

    private static void Place(DraftState state, ColumnProfile profile, string attribute, DraftOutcome outcome, string why)
    {
        var field = DraftState.FieldFor(state.Known(attribute, FieldType.Division), profile.Column);
        state.Add(profile, field, outcome, $"the header says nothing the draft knows; {profile.Of(profile.Divisions)} are 12-digit division codes{why}", profile.Number);
    }

    private static double CountyShare(DraftState state, ColumnProfile profile)
    {
        int both = 0, same = 0;
        for (var i = 0; i < state.Sample.Rows.Count; i++)
        {
            if (state.RowIds[i] is { } id && state.Sample.Rows[i].GetValueOrDefault(profile.Column) is { } value && ValueShapes.IsDivision(value))
            {
                both++;
                same += value.Trim().StartsWith(id.AddressCode, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return both == 0 ? 0 : (double)same / both;
    }
}
