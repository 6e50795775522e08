using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Core.Identity.Matching;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

public sealed class QualityCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Quality_prints_every_figure_against_its_target_and_exits_1_exactly_when_one_is_missed()
    {
        var run = await Cli.RunAsync("quality", "--people", "3000", "--seed", "7");

        Assert.Contains("3,000 fictional people (seed 7), preset standard, rules: shipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("Feeds in this order, one batch each: police, civil-affairs, disability-federation, housing-security", run.Output, StringComparison.Ordinal);
        Assert.Contains("Precision of automatic links", run.Output, StringComparison.Ordinal);
        Assert.Contains("Findable rows found, linked or queued (recall)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Recall on arrival", run.Output, StringComparison.Ordinal);
        Assert.Contains("Steward queue per 10,000 records", run.Output, StringComparison.Ordinal);
        Assert.Contains("<= 30.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("source police", run.Output, StringComparison.Ordinal);
        Assert.Contains("id MissingId", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Every order of the feeds", run.Output, StringComparison.Ordinal);
        Assert.Equal(run.Output.Contains("MISSED", StringComparison.Ordinal) ? ExitCodes.Failed : ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Quality_hard_without_ids_and_sex_prints_each_corruption_and_the_recall_of_every_order()
    {
        var run = await Cli.RunAsync("quality", "--people", "600", "--seed", "7", "--preset", "hard", "--without-ids", "--without-sex", "--orders");

        Assert.Contains("preset hard, without IDs, without sex", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 keyed by a valid ID", run.Output, StringComparison.Ordinal);
        Assert.Contains("corrupted PhoneticSubstitution", run.Output, StringComparison.Ordinal);
        Assert.Contains("corrupted NoDivision", run.Output, StringComparison.Ordinal);
        Assert.Contains("none for this preset", run.Output, StringComparison.Ordinal);
        Assert.Contains("Recall spread over the 24 orders (max - min)", run.Output, StringComparison.Ordinal);
        Assert.Contains("police > civil-affairs > disability-federation > housing-security", run.Output, StringComparison.Ordinal);
        Assert.Contains("housing-security > disability-federation > civil-affairs > police", run.Output, StringComparison.Ordinal);
        Assert.Equal(run.Output.Contains("MISSED", StringComparison.Ordinal) ? ExitCodes.Failed : ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Quality_levels_print_the_rules_the_estimate_and_the_observed_m_and_u_of_every_level()
    {
        var run = await Cli.RunAsync("quality", "--people", "3000", "--seed", "7", "--levels");

        Assert.All(
            ["Rules m", "Rules u", "EM m", "EM u", "Same person", "u blocked", "u random", "Close", "EM m without the truth, from one session per kind of blocking key", "pairs agreeing on Name"],
            text => Assert.Contains(text, run.Output, StringComparison.Ordinal));
        Assert.Matches(@"ResidenceAddress\s*│\s*Similar\s*│\s*0\.\d{5}\s*│", run.Output);
    }

    [Fact]
    public async Task Quality_json_holds_every_figure_and_whether_the_targets_are_met()
    {
        var run = await Cli.RunAsync("quality", "--people", "600", "--seed", "7", "--preset", "hard", "--orders", "--json");

        var json = JsonNode.Parse(run.Output)!;
        var report = json["report"]!;
        Assert.Equal("shipped", (string?)json["rules"]);
        Assert.Equal("hard", (string?)report["options"]!["preset"]);
        Assert.InRange((double)report["precision"]!, 0, 1);
        Assert.InRange((double)report["recall"]!, 0, 1);
        Assert.NotNull(report["queuePer10000Records"]);
        Assert.NotNull(report["orderSpread"]);
        Assert.Equal(0.95, (double)report["targets"]!["recall"]!);
        Assert.Equal(24, report["orders"]!.AsArray().Count);
        Assert.Contains(report["breakdown"]!.AsArray(), b => (string?)b!["label"] == "corrupted TypoSubstitution");
        Assert.Equal((int)report["totals"]!["rows"]!, report["breakdown"]!.AsArray().Where(b => ((string?)b!["label"])!.StartsWith("source ", StringComparison.Ordinal)).Sum(b => (int)b!["rows"]!));
        var name = report["levels"]!.AsArray().Single(l => (string?)l!["field"] == "name" && (string?)l["level"] == "exact")!;
        Assert.Equal(MatchRules.LoadFile(ShippedFiles.MatchingRules).Find(MatchField.Name)!.Levels[ComparisonLevel.Exact].M, (double)name["rules"]!["m"]!);
        Assert.InRange((double)name["estimated"]!["m"]!, 0, 1);
        Assert.InRange((double)name["observedM"]!, 0, 1);
        Assert.NotNull(name["observedURandom"]);
        Assert.Equal(3, report["estimateSessions"]!.AsArray().Count);
        Assert.Equal((bool)json["meetsTargets"]! ? ExitCodes.Success : ExitCodes.Failed, run.ExitCode);
    }

    [Fact]
    public async Task Quality_exits_1_when_a_rules_file_misses_a_target()
    {
        // The shipped weights, but a lone candidate scoring 2 is linked, whatever disagrees.
        File.WriteAllText(_folder.File("loose.json"), LowThresholds(File.ReadAllText(ShippedFiles.MatchingRules)));

        var run = await Cli.RunAsync("quality", "--people", "3000", "--seed", "7", "--rules", _folder.File("loose.json"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("MISSED", run.Output, StringComparison.Ordinal);
        Assert.Contains(_folder.File("loose.json"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_with_an_invalid_rules_file_exits_2_and_says_what_is_wrong()
    {
        File.WriteAllText(_folder.File("bad.json"), """{ "thresholds": { "match": 5, "possibleMatch": 9 }, "fields": [ { "field": "phone", "comparator": "soundex" } ] }""");

        var run = await Cli.RunAsync("quality", "--rules", _folder.File("bad.json"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'possibleMatch' (9) must be below 'match' (5)", run.Error, StringComparison.Ordinal);
        Assert.Contains("field 'phone': unknown comparator 'soundex'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_with_levels_prints_the_empirical_m_and_u_of_every_level()
    {
        var run = await Cli.RunAsync("quality", "--people", "1000", "--seed", "7", "--levels");

        Assert.Contains("u random", run.Output, StringComparison.Ordinal);
        Assert.Contains("BirthDate", run.Output, StringComparison.Ordinal);
        Assert.Contains("ResidentId", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static string LowThresholds(string rules)
    {
        rules = Regex.Replace(rules, @",\s*""blocksAutoMatch"":\s*\[[^\]]*\]", string.Empty);
        rules = Regex.Replace(rules, @"""match"":\s*\d+", "\"match\": 2");
        rules = Regex.Replace(rules, @"""rival"":\s*\d+", "\"rival\": 1");
        return Regex.Replace(rules, @"""possibleMatch"":\s*\d+", "\"possibleMatch\": 1");
    }
}
