using System.Text.RegularExpressions;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

public sealed class QualityCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Quality_prints_precision_recall_and_the_steward_queue_and_exits_0_when_the_targets_are_met()
    {
        var run = await Cli.RunAsync("quality", "--people", "3000", "--seed", "7");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("3,000 fictional people (seed 7), rules: shipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("Precision of automatic links", run.Output, StringComparison.Ordinal);
        Assert.Contains("Known people linked or queued (recall)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Steward queue per 10,000 records", run.Output, StringComparison.Ordinal);
        Assert.Contains("id MissingId", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISSED", run.Output, StringComparison.Ordinal);
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
        return Regex.Replace(rules, @"""possibleMatch"":\s*\d+", "\"possibleMatch\": 1");
    }
}
