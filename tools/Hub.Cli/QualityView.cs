using System.Globalization;
using Hub.Samples.Quality;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>The tables <c>hub quality</c> prints: the figures against their targets, the rows by kind, the orders of the feeds, the comparison levels.</summary>
internal static class QualityView
{
    public static void Print(IAnsiConsole console, QualityReport report, bool levels)
    {
        // The breakdown has thirteen columns; a redirected console would otherwise wrap them at 80.
        console.Profile.Width = Math.Max(console.Profile.Width, 180);
        var targets = report.Targets;
        var summary = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Target");
        summary.AddRow(new Text("Precision of automatic links"), new Text(Ratio(report.Precision)), AtLeast(report.Precision, targets.Precision));
        summary.AddRow(new Text("Findable rows found, linked or queued (recall)"), new Text(Ratio(report.Recall)), AtLeast(report.Recall, targets.Recall));
        summary.AddRow(new Text("Recall on arrival (rows whose person was already indexed)"), new Text(Ratio(report.Totals.RecallOnArrival)), new Text("for reading"));
        summary.AddRow(
            new Text("Steward queue per 10,000 records"),
            new Text(report.QueuePer10000Records.ToString("N1", CultureInfo.InvariantCulture)),
            targets.QueuePer10000Records is { } queue ? AtMost(report.QueuePer10000Records, queue, "N1") : new Text("none for this preset"));
        if (report.OrderSpread is { } spread)
        {
            summary.AddRow(new Text(string.Create(CultureInfo.InvariantCulture, $"Recall spread over the {report.Orders.Count} orders (max - min)")), new Text(Ratio(spread)), AtMost(spread, targets.OrderSpread, "0.000"));
        }

        console.Write(summary);
        PrintBreakdown(console, report);
        if (report.Orders.Count > 0)
        {
            PrintOrders(console, report.Orders);
        }

        if (levels)
        {
            PrintLevels(console, report);
        }
    }

    private static void PrintBreakdown(IAnsiConsole console, QualityReport report)
    {
        var table = new Table().Title("Matching rows by kind (a row counts under every kind it has); Findable = its person has another record in the feeds; Known = already indexed when it arrived")
            .AddColumn(new TableColumn("Rows").NoWrap());
        foreach (var column in new[] { "Count", "Known", "Findable", "Found", "Linked ok", "Linked wrong", "Queued ok", "Queued w/o", "New", "New, known", "Precision", "Recall" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in report.Breakdown.Prepend(report.Totals))
        {
            table.AddRow(
                new Text(row.Label), Count(row.Rows), Count(row.KnownOnArrival), Count(row.Findable), Count(row.Found),
                Count(row.LinkedCorrectly), Count(row.LinkedWrongly), Count(row.QueuedWithTruth), Count(row.QueuedWithoutTruth),
                Count(row.NewPersons), Count(row.NewPersonsWithTruth), new Text(Ratio(row.Precision)), new Text(Ratio(row.Recall)));
        }

        console.Write(table);
    }

    private static void PrintOrders(IAnsiConsole console, IReadOnlyList<FeedOrderResult> orders)
    {
        var table = new Table().Title("Every order of the feeds")
            .AddColumn("Order").AddColumn(new TableColumn("Precision").RightAligned()).AddColumn(new TableColumn("Recall").RightAligned())
            .AddColumn(new TableColumn("Found").RightAligned()).AddColumn(new TableColumn("Findable").RightAligned())
            .AddColumn(new TableColumn("Queue per 10,000").RightAligned());
        foreach (var order in orders)
        {
            table.AddRow(
                new Text(string.Join(" > ", order.Order)), new Text(Ratio(order.Precision)), new Text(Ratio(order.Recall)),
                Count(order.Totals.Found), Count(order.Totals.Findable), new Text(order.QueuePer10000Records.ToString("N1", CultureInfo.InvariantCulture)));
        }

        console.Write(table);
    }

    private static void PrintLevels(IAnsiConsole console, QualityReport report)
    {
        var sessions = string.Join("; ", report.EstimateSessions.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Pairs:N0} pairs agreeing on {s.Agreeing} (without {string.Join(", ", s.LeftOut)}): same-person share {s.MatchShare:0.0000}, truly {s.TrueMatchShare:0.0000}, {s.Iterations} rounds{(s.Converged ? string.Empty : ", not converged")}")));
        var table = new Table()
            .Title("Comparison levels: the rules' m and u, the EM estimate's, and the observed ones (shares of the comparisons with a value on both sides)")
            .Caption($"EM m without the truth, from one session per kind of blocking key; EM u is chance agreement (u random): {sessions}.")
            .AddColumn("Field").AddColumn("Level");
        foreach (var column in new[] { "Rules m", "Rules u", "EM m", "EM u", "Same person", "m", "Blocked others", "u blocked", "Random pairs", "u random" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var level in report.Levels)
        {
            table.AddRow(
                new Text(level.Field.ToString()), new Text(level.Level.ToString()),
                Probability(level.Rules?.M), Probability(level.Rules?.U), Probability(level.Estimated?.M), Probability(level.Estimated?.U),
                Count(level.SamePerson), Probability(level.ObservedM),
                Count(level.OtherPeople), Probability(level.ObservedUBlocked),
                Count(level.RandomPairs), Probability(level.ObservedURandom));
        }

        console.Write(table);
    }

    // Probabilities span 1 to 1e-7: five decimals for the large ones, three significant digits for the small.
    private static Text Probability(double? value) => new(value switch
    {
        null => "-",
        >= 0.001 or 0 => value.Value.ToString("0.00000", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.00E+0", CultureInfo.InvariantCulture),
    });

    private static Text AtLeast(double value, double target) =>
        new(string.Create(CultureInfo.InvariantCulture, $">= {target:0.000} {(value >= target ? "met" : "MISSED")}"));

    private static Text AtMost(double value, double target, string format) =>
        new(string.Create(CultureInfo.InvariantCulture, $"<= {target.ToString(format, CultureInfo.InvariantCulture)} {(value <= target ? "met" : "MISSED")}"));

    private static string Ratio(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static Text Count(int value) => new(value.ToString("N0", CultureInfo.InvariantCulture));
}
