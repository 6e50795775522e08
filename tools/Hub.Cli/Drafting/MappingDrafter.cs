using System.Globalization;
using Hub.Core.Feeds.Reading;

namespace Hub.Cli.Drafting;

/// <summary>
/// Proposes a mapping for a sample export: the ID column, then columns named by their header, the digits of a
/// number holding the ID, a split address, division codes, then the rest by their values, and a record key when an
/// ID repeats. Every choice carries its reason; no reason quotes a value.
/// </summary>
internal static class MappingDrafter
{
    /// <summary>The share of values that must fit a shape for the draft to recognise a column by its values alone.</summary>
    public const double Recognised = 0.8;

    /// <summary>The share that must fit when the header already points the same way.</summary>
    public const double Plausible = 0.5;

    public static MappingDraft Draft(DraftSample sample, AttributeKnowledge knowledge, DraftSettings settings)
    {
        var state = new DraftState(sample, knowledge, settings.Today);
        SetAside(state);
        IdentityStep.Run(state);
        HeaderStep.Run(state);
        SuffixDigitsStep.Run(state);
        AddressStep.Run(state);
        DivisionStep.Run(state);
        ValueStep.Run(state);
        var (recordKey, recordKeyReason) = RecordKeyStep.Run(state);
        return new MappingDraft
        {
            Source = settings.Source,
            DisplayName = settings.DisplayName,
            Encoding = settings.Encoding,
            EncodingReason = settings.EncodingReason,
            Identity = state.Identity,
            IdentityReason = state.IdentityReason,
            RecordKey = recordKey,
            RecordKeyReason = recordKeyReason,
            Fields = [.. state.Fields.OrderBy(f => f.Order)],
            Columns = state.Columns("nothing fits it"),
            CodeLists = state.CodeLists,
        };
    }

    /// <summary>
    /// Why the first row of a CSV file or workbook is not a header, when most of its cells look like values (ID numbers,
    /// phones, dates): the Hub takes row 1 as the header, and a draft would show personal data as column names. Null when
    /// it looks like one.
    /// </summary>
    public static string? HeaderProblem(DraftSample sample)
    {
        if (sample.Format is not (FeedFormat.Csv or FeedFormat.Xlsx))
        {
            return null;
        }

        var named = sample.Columns.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var values = named.Count(ValueShapes.LooksLikeValue);
        return values > 0 && values * 2 >= named.Count
            ? string.Create(CultureInfo.InvariantCulture, $"the first row does not look like a header: {values} of its {named.Count} cells look like values (ID numbers, phone numbers, dates); the Hub takes the first row as the header, so the export must start with one naming each column")
            : null;
    }

    /// <summary>Columns no field can read: no header, a header that looks like a value (never shown), or JSON objects.</summary>
    private static void SetAside(DraftState state)
    {
        foreach (var p in state.Open.ToList())
        {
            if (!DraftState.IsNamed(p))
            {
                state.Ignore(p, string.IsNullOrWhiteSpace(p.Column)
                    ? "the column has no header, and the Hub maps a column by its header: name it in the export"
                    : "its header looks like a value (an ID number, a phone number, a date or a long number), so it is not shown: is the first row a header, or are the records keyed by data?");
            }
            else if (p.Nested > 0)
            {
                state.Ignore(p, string.Create(CultureInfo.InvariantCulture, $"it holds an object or an array in {p.Nested:N0} record(s), and the Hub rejects a record holding one: the export must give each value a key of its own"));
            }
        }
    }
}
