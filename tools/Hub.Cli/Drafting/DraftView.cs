using System.Globalization;
using Spectre.Console;

namespace Hub.Cli.Drafting;

/// <summary>The console summary of a draft: a table of the columns and what became of each, then the draft's check.</summary>
internal static class DraftView
{
    public static void Print(IAnsiConsole console, DraftReport report)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Read {report.File}: {report.Reading}; {report.RowsRead:N0} rows{(report.Truncated ? " (the first of more; --rows reads more)" : string.Empty)}{(report.UnreadableRows > 0 ? $", {report.UnreadableRows:N0} more the Hub could not read as records" : string.Empty)}."));
        var table = new Table().AddColumn("Column").AddColumn("Proposed").AddColumn("Why");
        foreach (var column in report.Columns)
        {
            table.AddRow(new Text(column.Column), new Text(Proposed(column)), new Text(column.Reason));
        }

        console.Write(table);
        console.WriteLine($"Identity: {report.IdentityReason}");
        if (report.RecordKey.Count > 0)
        {
            console.WriteLine($"Record key: {string.Join(", ", report.RecordKey)}.");
        }

        var counts = report.Columns.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Count());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote the draft of source '{report.Source}' to {report.Output}: {counts.GetValueOrDefault(DraftOutcome.Mapped)} column(s) mapped, {counts.GetValueOrDefault(DraftOutcome.Suggested)} suggested (commented out), {counts.GetValueOrDefault(DraftOutcome.Ignored)} ignored."));
        if (report.MappingErrors.Count > 0)
        {
            console.WriteLine("The draft does not load yet; edit it, then run 'hub sources check':");
            foreach (var error in report.MappingErrors)
            {
                console.WriteLine($"  {error}");
            }

            return;
        }

        if (report.Trial is { } trial)
        {
            console.WriteLine(trial.FailureReason is { } failure
                ? $"The draft loads, but the Hub would fail the file with it: {failure}"
                : string.Create(CultureInfo.InvariantCulture, $"The draft loads. With it as it is, the Hub would accept {trial.Accepted:N0} of the file's {trial.Received:N0} rows ({trial.KeptWithoutId:N0} of them without a usable ID, to match by their other fields) and reject {trial.Rejected:N0}; once the draft is in the sources folder, 'hub validate' lists why."));
        }
        else
        {
            console.WriteLine("The draft loads.");
        }

        console.WriteLine("Review every field, fill in the department, then copy the file into the sources folder and run 'hub sources check'.");
    }

    private static string Proposed(DraftedColumn column) => column.Outcome switch
    {
        DraftOutcome.Mapped => string.Join(", ", column.Attributes),
        DraftOutcome.Suggested => "suggested: " + string.Join(", ", column.Attributes),
        _ => "ignored",
    };
}
