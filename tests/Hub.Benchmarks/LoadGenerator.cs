using System.Diagnostics;
using System.Text.Json;

namespace Hub.Benchmarks;

/// <summary>Runs one scenario with the pinned autocannon (eng/loadgen/measure.js) and reads its figures.</summary>
internal static class LoadGenerator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<LatencyFigures> RunAsync(ReadBenchmarkOptions options, ReadScenario scenario, CancellationToken cancellationToken = default)
    {
        if (scenario.Requests.Count == 0)
        {
            throw new InvalidOperationException($"The scenario '{scenario.Name}' has nothing to read.");
        }

        var file = Path.Combine(Path.GetTempPath(), $"hub-bench-reads-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            origin = scenario.Origin.GetLeftPart(UriPartial.Authority),
            connections = options.Connections,
            warmupSeconds = options.WarmupSeconds,
            seconds = options.Seconds,
            requests = scenario.Requests.Select(r => new { path = r.Path, headers = r.Headers }),
        }, Json), cancellationToken);
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", [options.LoadGenerator, file]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("node could not be started.");
            var output = await node.StandardOutput.ReadToEndAsync(cancellationToken);
            await node.WaitForExitAsync(cancellationToken);
            if (node.ExitCode != 0)
            {
                throw new InvalidOperationException($"The load generator failed on '{scenario.Name}' (exit code {node.ExitCode}).");
            }

            return JsonSerializer.Deserialize<LatencyFigures>(output.Trim().Split('\n')[^1], Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
