using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Identity.Matching;
using Hub.Samples.Quality;

namespace Hub.Cli;

/// <summary>
/// <c>hub quality</c>: runs person matching on a generated population with known truth and prints precision of
/// automatic links, the share of findable rows found, and the steward queue, by source and by kind of row, and by
/// order of the feeds when asked; exit 0 when every target is met.
/// </summary>
internal static class QualityCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

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
        var preset = new Option<string>("--preset")
        {
            Description = "standard: the departments' everyday mistakes; hard: those and a record-linkage benchmark's corruptions (typos, OCR, homophones, swapped and missing values, no sex or division, duplicates)",
            DefaultValueFactory = _ => "standard",
        }.AcceptOnlyFromAmong("standard", "hard");
        var withoutIds = new Option<bool>("--without-ids") { Description = "Leave every ID number out (and the disability certificate, which holds it), as data from outside may have none" };
        var withoutSex = new Option<bool>("--without-sex") { Description = "Leave every sex out" };
        var orders = new Option<bool>("--orders") { Description = "Also run every order of the four feeds (24) and print recall per order and its spread (max - min)" };
        var rules = new Option<FileInfo>("--rules") { Description = "A match rules file to measure instead of the shipped functions/Hub.Functions/rules/matching.json" }.AcceptExistingOnly();
        var levels = new Option<bool>("--levels") { Description = "Also print every comparison level's m and u three ways: the rules', the expectation-maximisation estimate from the candidate pairs, and the observed ones (same person, other candidates, random pairs)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("quality", "Measure person matching against a fictional population with known truth; exit 1 when a target is missed.")
        {
            seed, people, preset, withoutIds, withoutSex, orders, rules, levels, json,
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

            var options = new QualityOptions
            {
                Seed = parsed.GetValue(seed),
                People = parsed.GetValue(people),
                Preset = parsed.GetValue(preset) == "hard" ? QualityPresetName.Hard : QualityPresetName.Standard,
                WithoutIds = parsed.GetValue(withoutIds),
                WithoutSex = parsed.GetValue(withoutSex),
                AllOrders = parsed.GetValue(orders),
            };
            var report = await Task.Run(() => QualityHarness.Run(options, matchRules), cancellationToken).ConfigureAwait(false);
            var rulesName = rulesFile?.FullName ?? "shipped";
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { Rules = rulesName, report.MeetsTargets, Report = report }, Json)).ConfigureAwait(false);
            }
            else
            {
                await PrintAsync(context, report, rulesName, parsed.GetValue(levels)).ConfigureAwait(false);
            }

            return report.MeetsTargets ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task PrintAsync(CliContext context, QualityReport report, string rules, bool levels)
    {
        var options = report.Options;
        var variant = (options.WithoutIds ? ", without IDs" : string.Empty) + (options.WithoutSex ? ", without sex" : string.Empty);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Person matching on {options.People:N0} fictional people (seed {options.Seed}), preset {options.Preset.ToString().ToLowerInvariant()}{variant}, rules: {rules}")).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Feeds in this order, one batch each: {string.Join(", ", report.Order)}").ConfigureAwait(false);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.Records:N0} records received: {report.KeyedRecords:N0} keyed by a valid ID, {report.Totals.Rows:N0} matched without one, {report.RejectedRecords:N0} rejected, {report.RepeatedRecords:N0} refused as repeats of an earlier row.")).ConfigureAwait(false);
        QualityView.Print(context.Console, report, levels);
    }
}
