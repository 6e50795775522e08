using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>What the read benchmark runs against and for how long.</summary>
internal sealed record ReadBenchmarkOptions(Uri Hub, string Storage, int Persons, int Seconds, int WarmupSeconds, int Connections, string LoadGenerator)
{
    public static ReadBenchmarkOptions Parse(IReadOnlyList<string> args, string storage)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var hub = Value("--hub") ?? throw new ArgumentException("--hub <url of the running Hub> is required.");
        var loadGenerator = Value("--loadgen") ?? throw new ArgumentException("--loadgen <path of eng/loadgen/measure.js> is required.");
        var seconds = Number("--duration", 20);
        return new ReadBenchmarkOptions(new Uri(hub), storage, Number("--persons", 200_000), seconds, Number("--warmup", Math.Clamp(seconds / 4, 1, 5)), Number("--connections", 16), loadGenerator);
    }
}
