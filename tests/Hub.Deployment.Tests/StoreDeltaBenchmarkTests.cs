using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Deployment.Tests;

/// <summary>
/// The delta-into-a-large-store benchmark command still runs end to end on a tiny store: the delta's rows without a
/// usable ID are matched, and the requests it prints per record add up, so the command cannot rot between full runs.
/// </summary>
public sealed partial class StoreDeltaBenchmarkTests
{
    // Ports of their own, beside the push benchmark's test.
    private static readonly Dictionary<string, string> Ports = new()
    {
        ["HUB_BENCH_AZURITE_PORT"] = Environment.GetEnvironmentVariable("HUB_BENCH_STORE_AZURITE_PORT") is { Length: > 0 } port ? port : "10880",
    };

    [Fact]
    public async Task The_store_benchmark_matches_the_rows_without_an_id_and_prints_reads_and_writes_per_record_by_kind()
    {
        var result = await Script.RunAsync("eng/bench.sh", Ports, "--store", "300", "--rows", "100", "--unusable-ids", "0.1");

        Assert.True(result.ExitCode == 0, result.Output);
        var counts = Counts().Match(result.Output);
        Assert.True(counts.Success, result.Output);
        Assert.Equal((100, 10), (Number(counts, "received"), Number(counts, "unidentified")));
        var all = AllTables().Match(result.Output);
        Assert.True(all.Success, result.Output);
        var (writes, points, queries) = (Figure(all, "writes"), Figure(all, "points"), Figure(all, "queries"));
        Assert.True(writes > 0, result.Output);
        var beyond = Beyond().Match(result.Output);
        Assert.True(beyond.Success, result.Output);
        Assert.Equal(points + queries, Figure(beyond, "reads"), 3);

        // A delta smaller than what its source holds is read person by person: the facts table by point reads alone,
        // the records without an ID the matcher linked and those it left to themselves as well, so no query filters the
        // whole table on the emulator.
        var facts = FactsTable().Match(result.Output);
        Assert.True(facts.Success, result.Output);
        Assert.True(Figure(facts, "points") > 0, result.Output);
        Assert.Equal(0, Figure(facts, "queries"));
        Assert.DoesNotContain("facts: PartitionKey eq … and RowKey ge …", result.Output, StringComparison.Ordinal);
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static double Figure(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"into a store of 300 persons: (?<received>[\d,]+) received, .* (?<unidentified>[\d,]+) without a usable ID")]
    private static partial Regex Counts();

    [GeneratedRegex(@"all tables +(?<writes>\d+\.\d{4}) / (?<points>\d+\.\d{4}) / (?<queries>\d+\.\d{4})")]
    private static partial Regex AllTables();

    [GeneratedRegex(@"  facts +(?<writes>\d+\.\d{4}) / (?<points>\d+\.\d{4}) / (?<queries>\d+\.\d{4})")]
    private static partial Regex FactsTable();

    [GeneratedRegex(@"beyond the writes \(point reads and queries\): (?<reads>\d+\.\d{4})")]
    private static partial Regex Beyond();
}
