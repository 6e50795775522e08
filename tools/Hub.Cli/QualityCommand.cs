using System.CommandLine;
using System.Globalization;
using Hub.Core.Identity.Matching;
using Hub.Samples.Quality;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>
/// <c>hub quality</c>: runs person matching on a generated population with known truth and prints precision of
/// automatic links, the share of known people found, and the steward queue; exit 0 when the targets are met.
/// </summary>
internal static class QualityCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the fictional population; the same seed gives the same report", DefaultValueFactory = _ => new QualityOptions().Seed };
        var people = new Option<int>("--people") { Description = "How many people to generate", DefaultValueFactory = _ => new QualityOptions().People };
        people.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 100 or > 1_000_000)
            {
                r.AddError("--people must be between 100 and 1,000,000.");
            }
        });
        var rules = new Option<FileInfo>("--rules") { Description = "A match rules file to measure instead of the shipped functions/Hub.Functions/rules/matching.json" }.AcceptExistingOnly();
        var levels = new Option<bool>("--levels") { Description = "Also print how often each comparison level was seen for the same person and for others (the empirical m and u the weights are tuned against)" };
        var command = new Command("quality", "Measure person matching against a fictional population with known truth; exit 1 when a target is missed.")
        {
            seed, people, rules, levels,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var rulesFile = parsed.GetValue(rules);
            MatchRules matchRules;
            try
            {
                matchRules = rulesFile is null ? ShippedMatchRules.Default : MatchRules.LoadFile(rulesFile.FullName);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return await HubCli.UsageAsync(context, ex.Message).ConfigureAwait(false);
            }

            var options = new QualityOptions { Seed = parsed.GetValue(seed), People = parsed.GetValue(people) };
            var report = await Task.Run(() => QualityHarness.Run(options, matchRules), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Person matching on {report.Options.People:N0} fictional people (seed {report.Options.Seed}), rules: {rulesFile?.FullName ?? "shipped"}")).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.Records:N0} records received: {report.KeyedRecords:N0} keyed by a valid ID, {report.Totals.Rows:N0} matched without one, {report.RejectedRecords:N0} rejected.")).ConfigureAwait(false);
            Print(context.Console, report, parsed.GetValue(levels));
            return report.MeetsTargets ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, QualityReport report, bool levels)
    {
        // The breakdown has ten columns; a redirected console would otherwise wrap them at 80.
        console.Profile.Width = Math.Max(console.Profile.Width, 140);

        var summary = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Target");
        summary.AddRow(new Text("Precision of automatic links"), new Text(Ratio(report.Precision)), Target(report.Precision, QualityReport.PrecisionTarget));
        summary.AddRow(new Text("Known people linked or queued (recall)"), new Text(Ratio(report.Recall)), Target(report.Recall, QualityReport.RecallTarget));
        summary.AddRow(new Text("Steward queue per 10,000 records"), new Text(report.QueuePer10000Records.ToString("N1", CultureInfo.InvariantCulture)), new Text("smaller is better"));
        console.Write(summary);

        var table = new Table().Title("Matching rows by kind (a row counts under every kind it has); Known = its person was already in the index")
            .AddColumn(new TableColumn("Rows").NoWrap()).AddColumn(new TableColumn("Count").RightAligned()).AddColumn(new TableColumn("Known").RightAligned())
            .AddColumn(new TableColumn("Linked ok").RightAligned()).AddColumn(new TableColumn("Linked wrong").RightAligned())
            .AddColumn(new TableColumn("Queued ok").RightAligned()).AddColumn(new TableColumn("Queued w/o").RightAligned())
            .AddColumn(new TableColumn("New").RightAligned()).AddColumn(new TableColumn("New, known").RightAligned())
            .AddColumn(new TableColumn("Precision").RightAligned()).AddColumn(new TableColumn("Recall").RightAligned());
        foreach (var row in report.Breakdown.Prepend(report.Totals))
        {
            table.AddRow(
                new Text(row.Label), Count(row.Rows), Count(row.TruthInIndex), Count(row.LinkedCorrectly), Count(row.LinkedWrongly),
                Count(row.QueuedWithTruth), Count(row.QueuedWithoutTruth), Count(row.NewPersons), Count(row.NewPersonsWithTruth),
                new Text(Ratio(row.Precision)), new Text(Ratio(row.Recall)));
        }

        console.Write(table);
        if (levels)
        {
            PrintLevels(console, report.Levels);
        }
    }

    private static void PrintLevels(IAnsiConsole console, IReadOnlyList<LevelObservation> levels)
    {
        var table = new Table().Title("Comparison levels: m among true pairs, u among blocked candidates and among random pairs")
            .AddColumn("Field").AddColumn("Level")
            .AddColumn(new TableColumn("Same person").RightAligned()).AddColumn(new TableColumn("m").RightAligned())
            .AddColumn(new TableColumn("Blocked others").RightAligned()).AddColumn(new TableColumn("u blocked").RightAligned())
            .AddColumn(new TableColumn("Random pairs").RightAligned()).AddColumn(new TableColumn("u random").RightAligned());
        foreach (var byField in levels.GroupBy(l => l.Field))
        {
            var same = Math.Max(1, byField.Sum(l => l.SamePerson));
            var other = Math.Max(1, byField.Sum(l => l.OtherPeople));
            var random = Math.Max(1, byField.Sum(l => l.RandomPairs));
            foreach (var level in byField)
            {
                table.AddRow(
                    new Text(byField.Key.ToString()), new Text(level.Level.ToString()),
                    Count(level.SamePerson), Share(level.SamePerson, same),
                    Count(level.OtherPeople), Share(level.OtherPeople, other),
                    Count(level.RandomPairs), Share(level.RandomPairs, random));
            }
        }

        console.Write(table);
    }

    private static Text Share(int count, int total) => new(((double)count / total).ToString("0.00000", CultureInfo.InvariantCulture));

    private static Text Target(double value, double target) =>
        new(string.Create(CultureInfo.InvariantCulture, $">= {target:0.000} {(value >= target ? "met" : "MISSED")}"));

    private static string Ratio(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static Text Count(int value) => new(value.ToString("N0", CultureInfo.InvariantCulture));
}
