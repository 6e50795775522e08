using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Deployment.Tests;

/// <summary>
/// The push-delivery benchmark command still runs end to end (Azurite, the Hub, a signed receiver on loopback, a
/// delta that changes every person) on a tiny population, and every event the batch published reaches the receiver
/// once, verified, so the command cannot rot between full runs.
/// </summary>
public sealed partial class PushBenchmarkTests
{
    // Ports of their own (unless the environment names some), so a full benchmark or a development Hub running beside
    // the tests is not disturbed.
    private static readonly Dictionary<string, string> Ports = new()
    {
        ["HUB_BENCH_AZURITE_PORT"] = Environment.GetEnvironmentVariable("HUB_BENCH_AZURITE_PORT") is { Length: > 0 } port ? port : "10870",
    };

    [Fact]
    public async Task The_push_benchmark_delivers_every_published_event_once_and_prints_the_delays_and_the_ratio_to_the_receiver_alone()
    {
        var result = await Script.RunAsync("eng/bench.sh", Ports, "--push", "--rows", "300");

        Assert.True(result.ExitCode == 0, result.Output);
        var counts = Counts().Match(result.Output);
        Assert.True(counts.Success, result.Output);
        var (changed, published) = (Number(counts, "changed"), Number(counts, "published"));
        var delivered = Delivered().Match(result.Output);
        Assert.True(delivered.Success, result.Output);
        Assert.Equal(300, changed);
        Assert.True(published >= changed, $"{published} events for {changed} changed records");
        Assert.Equal((published, published, 0), (Number(delivered, "delivered"), Number(delivered, "distinct"), Number(delivered, "refused")));
        Assert.Matches(@"delay after batch completed: first event +\d+\.\d\d s", result.Output);
        Assert.Matches(@"ratio Hub push / receiver alone +\d+\.\d{3}", result.Output);
        Assert.Matches(@"storage operations per delivered event +\d+\.\d{3}", result.Output);
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"records changed / events published +(?<changed>[\d,]+) / (?<published>[\d,]+)")]
    private static partial Regex Counts();

    [GeneratedRegex(@"events delivered / distinct / refused +(?<delivered>[\d,]+) / (?<distinct>[\d,]+) / (?<refused>[\d,]+)")]
    private static partial Regex Delivered();
}
