using System.Globalization;
using Hub.Core.Quality;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>Renders a department's data-quality figures and a batch's movement as tables: counts and rates, never a value.</summary>
internal static class DataQualityView
{
    public static void Source(IAnsiConsole console, SourceQuality quality)
    {
        var grid = new Grid().AddColumn().AddColumn();
        var latest = quality.Latest;
        Add(grid, "Source", $"{quality.Source} ({quality.DisplayName})");
        Add(grid, "Latest batch", latest?.BatchId ?? "none completed yet");
        if (latest is not null)
        {
            Add(grid, "Rejected", $"{Share(latest.RejectionRate)} ({latest.Rejected:N0} of {latest.Received:N0} rows)");
            Add(grid, "Kept without an ID", $"{Share(latest.KeptWithoutIdShare)} ({latest.KeptWithoutId:N0} of {latest.Accepted:N0} accepted)");
            Add(grid, "Mean completeness", Share(latest.MeanCompleteness));
            Add(grid, "Disagreement", Share(latest.DisagreementRate));
        }

        Add(grid, "Newest data", Days(quality.Timeliness.NewestDataAgeDays, "old"));
        Add(grid, "Last snapshot", Days(quality.Timeliness.SnapshotAgeDays, "old"));
        Add(grid, "Mean lag of changes", Days(quality.Timeliness.MeanLagDays, "after their effective date"));
        Add(grid, "Waiting for a steward", quality.Review.Waiting == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{quality.Review.Waiting} (the oldest {quality.Review.OldestWaitingDays:F1} days)"));
        console.Write(grid);

        if (quality.Trend.Count > 0)
        {
            var trend = new Table().Title("Trend").AddColumns("Batch", "Mode", "Rows", "Rejected", "Without ID", "Completeness", "Disagreement", "Lag (days)");
            foreach (var p in quality.Trend)
            {
                trend.AddRow(p.BatchId, Lower(p.Mode), p.Received.ToString("N0", CultureInfo.InvariantCulture), Share(p.RejectionRate), Share(p.KeptWithoutIdShare), Share(p.MeanCompleteness), Share(p.DisagreementRate), p.MeanLagDays?.ToString("F1", CultureInfo.InvariantCulture) ?? "-");
            }

            console.Write(trend);
        }

        if (latest is null)
        {
            return;
        }

        if (latest.Completeness.Count > 0)
        {
            var completeness = new Table().Title("Completeness (latest batch)").AddColumns("Attribute", "Rows", "Share");
            foreach (var c in latest.Completeness)
            {
                completeness.AddRow(Markup.Escape(c.Attribute), c.Rows.ToString("N0", CultureInfo.InvariantCulture), Share(c.Share));
            }

            console.Write(completeness);
        }

        if (latest.Disagreements.Count > 0)
        {
            var disagreements = new Table().Title("Disagreement with other departments (latest batch)").AddColumns("Attribute", "Other source", "Compared", "Differing", "Share");
            foreach (var d in latest.Disagreements)
            {
                foreach (var o in d.ByDepartment)
                {
                    disagreements.AddRow(Markup.Escape(d.Attribute), Markup.Escape(o.Source), o.Compared.ToString("N0", CultureInfo.InvariantCulture), o.Differing.ToString("N0", CultureInfo.InvariantCulture), Share(o.Rate));
                }
            }

            console.Write(disagreements);
        }

        if (latest.Rejections.Count > 0)
        {
            var rejections = new Table().Title("Rejections by reason (latest batch)").AddColumns("Field", "Reason", "Rows", "Share");
            foreach (var r in latest.Rejections)
            {
                rejections.AddRow(Markup.Escape(r.Field ?? "(row)"), Markup.Escape(r.Reason), r.Rows.ToString("N0", CultureInfo.InvariantCulture), Share(r.Rate));
            }

            console.Write(rejections);
        }
    }

    public static void Batch(IAnsiConsole console, BatchQualityReport report)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Add(grid, "Batch", $"{report.Figures.BatchId} of {report.Source}");
        Add(grid, "Previous batch", report.PreviousBatchId ?? "none: the department's first");
        Add(grid, "Still waiting for a steward", report.WaitingFromBatch.ToString(CultureInfo.InvariantCulture));
        console.Write(grid);
        var table = new Table().Title("How the batch moved the department's figures").AddColumns("Figure", "Attribute", "Before", "After", "Change");
        foreach (var m in report.Movements)
        {
            var days = m.Figure == "meanLagDays";
            table.AddRow(m.Figure, Markup.Escape(m.Subject ?? string.Empty), Value(m.Before, days), Value(m.After, days), m.Change is { } change ? (change > 0 ? "+" : string.Empty) + Value(change, days) : "-");
        }

        console.Write(table);
    }

    private static string Value(double? value, bool days) => days ? value?.ToString("F1", CultureInfo.InvariantCulture) ?? "-" : Share(value);

    private static string Share(double? share) => share?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "-";

    private static string Days(double? days, string what) => days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d:F1} days {what}") : "-";

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static void Add(Grid grid, string name, string value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value));
}
