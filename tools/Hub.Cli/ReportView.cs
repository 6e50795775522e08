using System.Globalization;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>
/// Renders batch reports and rejections as tables. Rejections show row, field and reason only: the Hub's reasons
/// never quote a value, and nothing here prints one either.
/// </summary>
internal static class ReportView
{
    public static void Batch(IAnsiConsole console, BatchReport report)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Add(grid, "Batch", report.Id);
        Add(grid, "Source", report.Source);
        Add(grid, "Mode", Lower(report.Mode));
        Add(grid, "Status", Lower(report.Status) + (report.Repeated ? " (repeated push of an earlier payload)" : string.Empty));
        Add(grid, "Received at", report.ReceivedAt.ToString("u", CultureInfo.InvariantCulture));
        Add(grid, "Finished at", report.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
        Add(grid, "Payload", string.Create(CultureInfo.InvariantCulture, $"{report.PayloadBytes:N0} bytes"));
        if (report.FailureReason is not null)
        {
            Add(grid, "Failure", report.FailureReason);
        }

        if (report.Hold is { } hold)
        {
            Add(grid, "Held", hold.Reason);
        }

        if (report.Decision is { } decision)
        {
            Add(grid, "Decision", $"{Lower(decision.Kind)} by {decision.DecidedBy} at {decision.DecidedAt.ToString("u", CultureInfo.InvariantCulture)}: {decision.Reason}");
        }
        else if (report.Status == BatchStatus.Held)
        {
            Add(grid, "To decide", $"an officer of the department or an administrator runs: hub batch confirm|discard {report.Source} {report.Id} --reason \"…\"");
        }

        if (report.IgnoredColumns.Count > 0)
        {
            Add(grid, "Ignored columns", string.Join(", ", report.IgnoredColumns));
        }

        foreach (var cause in report.LikelyCauses ?? [])
        {
            Add(grid, "Likely cause", cause.Hint);
        }

        console.Write(grid);
        var counts = report.Counts;
        Counts(console, ("Received", counts.Received), ("Inserted", counts.Inserted), ("Updated", counts.Updated), ("Unchanged", counts.Unchanged), ("Rejected", counts.Rejected), ("End-dated", counts.EndDated), ("Kept without ID", counts.Unidentified));
        Rejections(console, report.FirstRejections, counts.Rejected, "first rejections; 'hub rejects' downloads them all");
    }

    public static void Counts(IAnsiConsole console, params (string Name, long Value)[] counts)
    {
        var table = new Table().AddColumn("Records").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var (name, value) in counts)
        {
            table.AddRow(new Text(name), new Text(value.ToString("N0", CultureInfo.InvariantCulture)));
        }

        console.Write(table);
    }

    public static void Rejections(IAnsiConsole console, IReadOnlyList<Rejection> shown, long total, string note)
    {
        if (shown.Count == 0)
        {
            return;
        }

        var table = new Table()
            .Title(new TableTitle(string.Create(CultureInfo.InvariantCulture, $"Rejections: {shown.Count} of {total:N0} rejected rows ({note})")))
            .AddColumn(new TableColumn("Row").RightAligned())
            .AddColumn("Field")
            .AddColumn("Reason");
        foreach (var rejection in shown)
        {
            table.AddRow(new Text(rejection.Row.ToString(CultureInfo.InvariantCulture)), new Text(rejection.Field ?? "(row)"), new Text(rejection.Reason));
        }

        console.Write(table);
    }

    private static void Add(Grid grid, string name, string value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value));

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
