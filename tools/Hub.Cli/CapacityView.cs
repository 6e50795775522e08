using System.Globalization;
using Hub.Cli.Capacity;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>Renders the capacity model: the load, per table and per partition against the targets, sizes, instances, cost.</summary>
internal static class CapacityView
{
    public static void Write(IAnsiConsole console, CapacityAssumptions a, MeasuredOperations m, CapacityEstimate e, bool met)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Add(grid, "City", $"{N(a.Residents)} residents, {N(a.Persons)} special-group persons, {N(a.Streets)} streets");
        Add(grid, "Feeds", $"{a.Departments} departments, registers of {N(a.Register)} rows, daily deltas of {P(a.ChangeRate)}, monthly snapshots over {a.SnapshotNights} night(s)");
        Add(grid, "Busiest night", $"{N(e.NightRecords)} records in {F(a.IngestHours)} h = {F(e.IngestRecordsPerSecond)} records/s, {N(e.NightChangedRecords)} of them changing something ({P(a.SnapshotChangedShare)} of a snapshot)");
        Add(grid, "Peak office hour", $"{N(a.Staff)} staff × {F(a.ReadsPerHour)} reads/h = {F(e.ReadsPerSecond)} reads/s ({P(a.ListShare)} list pages)");
        Add(grid, "Measured", m.Source);
        console.Write(grid);

        var tables = new Table().Title("Storage load at peak, per table and per busiest partition").AddColumns(
            "Table", "Requests/s", "Entities/s", "Partitions", "Busiest partition", $"of {N(a.PartitionEntitiesPerSecond)}/s", "Size");
        foreach (var t in e.Tables)
        {
            var night = t.IngestEntitiesPerSecond / t.IngestPartitions >= t.ReadEntitiesPerSecond / t.ReadPartitions;
            tables.AddRow(
                Markup.Escape(t.Table),
                F(a.Overlap ? t.IngestRequestsPerSecond + t.ReadRequestsPerSecond : Math.Max(t.IngestRequestsPerSecond, t.ReadRequestsPerSecond)),
                F(a.Overlap ? t.IngestEntitiesPerSecond + t.ReadEntitiesPerSecond : Math.Max(t.IngestEntitiesPerSecond, t.ReadEntitiesPerSecond)),
                N(night ? t.IngestPartitions : t.ReadPartitions) + (night ? " night" : " day"),
                F(t.PeakEntitiesPerPartition) + "/s",
                Verdict(t.Ratio, a.TargetShare),
                Bytes(t.StoredBytes));
        }

        console.Write(tables);

        var totals = new Grid().AddColumn().AddColumn();
        Add(totals, "Account", $"{F(e.AccountPeakRequestsPerSecond)} requests/s at peak (night {F(e.AccountIngestRequestsPerSecond)}, day {F(e.AccountReadRequestsPerSecond)}) of {N(a.AccountRequestsPerSecond)}/s: {Plain(e.AccountRatio, a.TargetShare)}");
        Add(totals, "Tables hold", Bytes(e.Tables.Sum(t => t.StoredBytes)) + $"; the feed archive {Bytes(e.FeedArchiveBytes)} over {F(a.AuditYears)} years");
        var date = e.BusiestBirthDate;
        Add(totals, "Candidate index", $"the busiest birth date holds {N(date.Persons)} persons ({N(a.Persons)} over {N(a.BirthDateDays)} days × {F(a.BusiestBirthDateFactor)}), over {date.Rows} rows: the fullest about {N(date.FullestRow)} columns of {date.ColumnsPerRow} ({(date.Fits ? "within" : "OVER")})");
        Add(totals, "Functions instances", $"{e.PeakInstances} at peak (reads {e.ReadInstances}, feeds {e.IngestInstances}, at least {a.MinimumInstances})");
        Add(totals, "Target", met
            ? $"met: every partition and the account at or under {P(a.TargetShare)} of the published target, every candidate row within its columns"
            : $"NOT met: something exceeds {P(a.TargetShare)} of the published target, or a candidate row its columns");
        console.Write(totals);

        var cost = new Table().Title("Monthly cost (USD, list prices: re-check them, and Azure China's CNY prices, before relying on them)").AddColumns("Item", "Quantity", "Unit", "Unit price", "Amount");
        foreach (var line in e.Costs)
        {
            cost.AddRow(Markup.Escape(line.Item), F(line.Quantity), Markup.Escape(line.Unit), line.UnitPrice.ToString("0.######", CultureInfo.InvariantCulture), line.Amount.ToString("N2", CultureInfo.InvariantCulture));
        }

        cost.AddRow("Total", string.Empty, string.Empty, string.Empty, e.MonthlyCost.ToString("N2", CultureInfo.InvariantCulture));
        console.Write(cost);
    }

    private static string Verdict(double ratio, double share) => ratio <= share ? $"[green]{P(ratio)}[/]" : $"[red]{P(ratio)}[/]";

    private static string Plain(double ratio, double share) => $"{P(ratio)} ({(ratio <= share ? "within" : "over")} {P(share)})";

    private static void Add(Grid grid, string name, string value) => grid.AddRow(new Text(name), new Text(value));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value >= 100 ? N(value) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("0.##%", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1e12 => (bytes / 1e12).ToString("0.##", CultureInfo.InvariantCulture) + " TB",
        >= 1e9 => (bytes / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
        >= 1e6 => (bytes / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
        _ => N(bytes) + " B",
    };
}
