using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// When an ID number repeats (one row per person and assistance type, say), finds the mapped field that tells a
/// person's records apart, a code first: without a record key the Hub rejects a person's second record.
/// </summary>
internal static class RecordKeyStep
{
    public static (IReadOnlyList<string> Key, string? Reason) Run(DraftState state)
    {
        if (state.IdColumn is null)
        {
            return ([], null);
        }

        var withId = state.RowIds.Count(id => id is not null);
        var repeats = withId - state.RowIds.OfType<Hub.Core.Kernel.ResidentId>().Select(id => id.Value).Distinct(StringComparer.Ordinal).Count();
        if (repeats == 0)
        {
            return ([], null);
        }

        var said = string.Create(CultureInfo.InvariantCulture, $"ID numbers repeat in {repeats:N0} of the {withId:N0} rows that have one: a person has several records here");
        var allowed = repeats / 10;
        var best = state.Fields
            .Where(f => f.Outcome == DraftOutcome.Mapped && f.Field.IsPlainColumn && f.Field.Type != FieldType.ResidentId)
            .Select(f => (f.Field, Collisions: Collisions(state, f.Field.Column)))
            .Where(c => c.Collisions <= allowed)
            .OrderBy(c => c.Field.Type == FieldType.Code ? 0 : 1)
            .ThenBy(c => c.Collisions)
            .FirstOrDefault();
        if (best.Field is null)
        {
            return ([], $"{said}, and no mapped field tells them apart: set recordKey to the attributes that do, or the Hub rejects a person's second record.");
        }

        return ([best.Field.Attribute], best.Collisions == 0
            ? $"{said}; with {best.Field.Attribute} every row read is told apart."
            : string.Create(CultureInfo.InvariantCulture, $"{said}; with {best.Field.Attribute} all but {best.Collisions:N0} rows are told apart (the Hub rejects those as repeated records)."));
    }

    private static int Collisions(DraftState state, string column)
    {
        var seen = new HashSet<(string, string?)>();
        var rows = 0;
        for (var i = 0; i < state.Sample.Rows.Count; i++)
        {
            if (state.RowIds[i] is { } id)
            {
                rows++;
                seen.Add((id.Value, ValueNormaliser.Text(state.Sample.Rows[i].GetValueOrDefault(column))));
            }
        }

        return rows - seen.Count;
    }
}
