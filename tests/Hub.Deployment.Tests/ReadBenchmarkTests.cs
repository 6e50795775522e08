namespace Hub.Deployment.Tests;

/// <summary>
/// The read benchmark command still runs end to end (Azurite, a real Hub process, the load, autocannon) and prints
/// its ratio lines, on a tiny population for two seconds a scenario, so the command cannot rot between full runs.
/// </summary>
public sealed class ReadBenchmarkTests
{
    // Ports of their own, so a full benchmark or a development Hub running beside the tests is not disturbed.
    private static readonly Dictionary<string, string> Ports = new()
    {
        ["HUB_BENCH_READS_PORT"] = "10850",
        ["HUB_BENCH_READS_HUB_PORT"] = "7850",
    };

    [Fact]
    public async Task The_read_benchmark_seeds_after_checking_the_seed_and_prints_the_p95_ratios_of_detail_and_list_to_the_raw_read()
    {
        var result = await Script.RunAsync("eng/bench-reads.sh", Ports, "--persons", "500", "--duration", "2", "--warmup", "1");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("500 persons seeded", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"seed check: [1-9][\d,]* fact, view and resident rows of 300 persons written alike by the feeds and the seed", result.Output);
        Assert.Contains("  raw Azurite entity GET", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"ratio p95 person detail / raw +\d+\.\d\d +\(target ≤ 4", result.Output);
        Assert.Matches(@"ratio p95 division list, first pages / raw +\d+\.\d\d +\(target ≤ 4", result.Output);
        Assert.Matches(@"audit cost: the chain append a request awaits, \d+ callers at once: p50 \d+\.\d\d ms, p95 \d+\.\d\d ms", result.Output);
        Assert.Matches(@"person index after person detail: [\d,]+ events behind the chain when the load stopped, caught up \d+\.\d s later", result.Output);
    }

    [Fact]
    public async Task The_read_benchmark_loads_through_the_feeds_when_asked()
    {
        var result = await Script.RunAsync("eng/bench-reads.sh", Ports, "--persons", "300", "--duration", "1", "--warmup", "1", "--load", "feeds");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("300 persons loaded through the Hub's feeds", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("seed check:", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"ratio p95 person detail / raw +\d+\.\d\d +\(target ≤ 4", result.Output);
    }
}
