using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Cli.Drafting;

/// <summary>
/// Recognises the columns left by their values, when the header says nothing: labels of a known code list, dates
/// (a birth date when it agrees with the row's ID number), phones, names, addresses, short code lists and numbers. An
/// attribute the values cannot settle is suggested, not mapped; a column nothing fits is ignored with the reason.
/// </summary>
internal static class ValueStep
{
    /// <summary>What a suggested field of an unknown attribute is named: not camelCase, so the Hub refuses it until it is named.</summary>
    public const string Unnamed = "TODO";

    private const string Unknown = "the header says nothing the draft knows";

    public static void Run(DraftState state)
    {
        foreach (var profile in state.Open.ToList())
        {
            Decide(state, profile);
        }
    }

    private static void Decide(DraftState state, ColumnProfile p)
    {
        if (p.NonEmpty == 0)
        {
            state.Ignore(p, "it is empty in every row read");
        }
        else if (!Labelled(state, p))
        {
            Shaped(state, p);
        }
    }

    private static void Shaped(DraftState state, ColumnProfile p)
    {
        if (p.Share(p.IdLike) >= MappingDrafter.Recognised)
        {
            state.Ignore(p, $"{p.Of(p.IdLike)} look like ID numbers, but {state.IdColumn?.Column ?? "another column"} keys the person");
        }
        else if (p.Share(p.WrittenDates) >= MappingDrafter.Recognised)
        {
            Date(state, p);
        }
        else if (p.Share(p.Phones) >= MappingDrafter.Recognised)
        {
            Pick(state, p, "phone", "guardianPhone", FieldType.Phone, $"{Unknown}; {p.Of(p.Phones)} are phone numbers");
        }
        else if (p.LooksLikeNames)
        {
            Pick(state, p, "name", "formerName", FieldType.Name, string.Create(CultureInfo.InvariantCulture, $"{Unknown}; {p.Of(p.HanNames)} look like Chinese names, {p.Values.Count:N0} different ones"));
        }
        else if (p.Share(p.Addresses) >= MappingDrafter.Recognised)
        {
            Pick(state, p, "residenceAddress", "registrationAddress", FieldType.Text, $"{Unknown}; {p.Of(p.Addresses)} look like addresses");
        }
        else if (p.IsCodeLike)
        {
            var field = new FieldMapping { Column = p.Column, Attribute = Unnamed, Type = FieldType.Code, CodeList = CodeLists.ForColumn(state, p), Sensitivity = Sensitivity.L2, Sharing = SharingType.Conditional };
            state.Add(p, field, DraftOutcome.Suggested, string.Create(CultureInfo.InvariantCulture, $"{Unknown}; it looks like a code list ({p.Values.Count:N0} different label(s) among {p.NonEmpty:N0} values): name its attribute and write the Hub code of each label"), p.Number);
        }
        else if (p.Values.Count <= 20 && p.Values.Count * 3 <= p.NonEmpty)
        {
            state.Ignore(p, string.Create(CultureInfo.InvariantCulture, $"{Unknown}; its values repeat like a code list's ({p.Values.Count:N0} different among {p.NonEmpty:N0}), but they look like names or numbers, so the draft does not list them: map it by hand as a code or text field"));
        }
        else if (p.Share(p.Numbers) >= MappingDrafter.Recognised)
        {
            state.Ignore(p, $"{Unknown}; {p.Of(p.Numbers)} are numbers, and nothing tells which attribute (a household size? an amount?): map it by hand");
        }
        else
        {
            state.Ignore(p, string.Create(CultureInfo.InvariantCulture, $"{Unknown}, and its values are free text ({p.Values.Count:N0} different among {p.NonEmpty:N0}): map it by hand if the Hub should keep it"));
        }
    }

    /// <summary>Maps a column whose values are labels of a known list (男/女 → sex); bare numbers alone are not enough.</summary>
    private static bool Labelled(DraftState state, ColumnProfile p)
    {
        var best = state.Knowledge.CodedAttributes.Where(a => !state.IsTaken(a.Name) && Evidence.HasWordLabel(p, a))
            .Select(a => (Attribute: a, Labels: Evidence.Labels(p, a)))
            .Where(a => p.Share(a.Labels) >= MappingDrafter.Recognised)
            .OrderByDescending(a => a.Labels)
            .ThenBy(a => a.Attribute.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Attribute is null)
        {
            return false;
        }

        var field = CodeLists.Attach(state, DraftState.FieldFor(best.Attribute, p.Column), best.Attribute, p);
        state.Add(p, field, DraftOutcome.Mapped, $"{Unknown}; {p.Of(best.Labels)} are labels of {best.Attribute.CodeList} in the mappings of {string.Join(", ", best.Attribute.Sources)}", p.Number);
        return true;
    }

    private static void Date(DraftState state, ColumnProfile p)
    {
        var dates = $"{Unknown}; {p.Of(p.Dates)} are dates ({Evidence.DateForms(p)})";
        if (state.IdColumn is not null && BirthShare(state, p) is var births && births >= MappingDrafter.Recognised && !state.IsTaken("birthDate"))
        {
            state.Add(p, DraftState.FieldFor(state.Known("birthDate", FieldType.Date), p.Column), DraftOutcome.Mapped, $"{dates}, and in {ColumnProfile.Percent(births)} of rows it is the birth date the row's ID number holds", p.Number);
            return;
        }

        if (state.IdColumn is null && !state.IsTaken("birthDate") && p.FutureDates == 0 && p.FirstDate?.Year >= 1900 && p.FirstDate?.AddYears(20) <= p.LastDate)
        {
            state.Add(p, DraftState.FieldFor(state.Known("birthDate", FieldType.Date), p.Column), DraftOutcome.Mapped, $"{dates}, all in the past and spread over more than 20 years, as birth dates are (the source has no ID number to confirm it)", p.Number);
            return;
        }

        var future = p.Share(p.FutureDates) >= MappingDrafter.Plausible;
        Pick(state, p, future ? "validTo" : "validFrom", future ? "validFrom" : "validTo", FieldType.Date, $"{dates}; {ColumnProfile.Percent(p.Share(p.FutureDates))} are after today", guess: true);
    }

    /// <summary>Maps the first attribute, or suggests the second when the first is fed already; ignores the column when both are.</summary>
    private static void Pick(DraftState state, ColumnProfile p, string first, string second, FieldType type, string reason, bool guess = false)
    {
        if (!state.IsTaken(first))
        {
            var outcome = guess ? DraftOutcome.Suggested : DraftOutcome.Mapped;
            state.Add(p, DraftState.FieldFor(state.Known(first, type), p.Column), outcome, reason + (guess ? $"; {first} is a guess" : string.Empty), p.Number);
        }
        else if (!state.IsTaken(second))
        {
            state.Add(p, DraftState.FieldFor(state.Known(second, type), p.Column), DraftOutcome.Suggested, $"{reason}; {first} is fed already, so {second} is a guess", p.Number);
        }
        else
        {
            state.Ignore(p, $"{reason}, but {first} and {second} are fed already");
        }
    }

    private static double BirthShare(DraftState state, ColumnProfile p)
    {
        int both = 0, same = 0;
        for (var i = 0; i < state.Sample.Rows.Count; i++)
        {
            if (state.RowIds[i] is { } id && ValueNormaliser.DateForm(state.Sample.Rows[i].GetValueOrDefault(p.Column), [], out var date) is not null)
            {
                both++;
                same += date == id.BirthDate ? 1 : 0;
            }
        }

        return both == 0 ? 0 : (double)same / both;
    }
}
