using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>What the read benchmark runs against and for how long.</summary>
internal sealed record ReadBenchmarkOptions(Uri Hub, string Storage, int Persons, int Seconds, int WarmupSeconds, int Connections, string LoadGenerator, PopulationLoading Loading)
{
    /// <summary>Where the measured operations go (<c>--operations FILE</c>, default artifacts/bench/operations.json).</summary>
    public string OperationsPath { get; init; } = OperationsFile.DefaultPath;

    /// <summary>The command line, as the operations file records it.</summary>
    public string Command { get; init; } = "eng/bench-reads.sh";

    public static ReadBenchmarkOptions Parse(IReadOnlyList<string> args, string storage)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var hub = Value("--hub") ?? throw new ArgumentException("--hub <url of the running Hub> is required.");
        var loadGenerator = Value("--loadgen") ?? throw new ArgumentException("--loadgen <path of eng/loadgen/measure.js> is required.");
        var seconds = Number("--duration", 20);
        var loading = Value("--load") switch
        {
            null or "seed" => PopulationLoading.Seed,
            "feeds" => PopulationLoading.Feeds,
            var other => throw new ArgumentException($"--load must be seed or feeds, not {other}."),
        };
        return new ReadBenchmarkOptions(new Uri(hub), storage, Number("--persons", 200_000), seconds, Number("--warmup", Math.Clamp(seconds / 4, 1, 5)), Number("--connections", 16), loadGenerator, loading)
        {
            OperationsPath = OperationsFile.PathOf(args),
            Command = string.Join(' ', ["eng/bench-reads.sh", .. UserArguments(args)]),
        };
    }

    // What the script's caller typed: the script's own --hub and --loadgen and the mode word left out.
    private static IEnumerable<string> UserArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--hub" or "--loadgen")
            {
                i++;
            }
            else if (args[i] != "reads")
            {
                yield return args[i];
            }
        }
    }
}
