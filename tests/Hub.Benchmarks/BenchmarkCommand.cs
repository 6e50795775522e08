using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>
/// <c>Hub.Benchmarks [--rows N] [--unusable-ids SHARE]</c>: the ingestion benchmark (eng/bench.sh). <c>Hub.Benchmarks --push
/// [--rows N]</c>: push delivery of an N-row delta's change events, default 10,000 (eng/bench.sh --push). <c>Hub.Benchmarks
/// --store N [--rows R] [--unusable-ids SHARE]</c>: an R-row delta (default 10,000) into a store of N persons (eng/bench.sh --store). <c>Hub.Benchmarks reads --hub URL
/// [--persons N] [--duration S] [--connections C]</c>: the read benchmark against a running Hub (eng/bench-reads.sh).
/// Both take the storage connection string in HUB_BENCH_STORAGE; see the README, "Benchmarks".
/// </summary>
internal static class BenchmarkCommand
{
    public static async Task<int> Main(string[] args)
    {
        var storage = Environment.GetEnvironmentVariable("HUB_BENCH_STORAGE") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

        // The Hub's content root is its binaries' folder, copied beside the benchmark (mapping files included).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HUB_FUNCTIONS", AppContext.BaseDirectory);
        if (args.FirstOrDefault() == "reads")
        {
            var options = ReadBenchmarkOptions.Parse(args, storage);
            var figures = await ReadBenchmark.RunAsync(options);
            Console.WriteLine(figures.Format());
            return 0;
        }

        var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(a => long.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(0);
        if (args.Contains("--push"))
        {
            // 10,000 by default: on Azurite the merge's and each delivery's reads scan whole tables, so a run grows
            // faster than its size, and 100,000 persons take far longer than a benchmark run should by default.
            var push = await PushBenchmark.RunAsync(storage, rows > 0 ? checked((int)rows) : 10_000);
            Console.WriteLine(push.Format());
            return 0;
        }

        var unusableIds = args.SkipWhile(a => a != "--unusable-ids").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(0);
        var store = args.SkipWhile(a => a != "--store").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(0);
        if (store > 0)
        {
            Console.WriteLine(await StoreDeltaBenchmark.RunAsync(storage, store, rows > 0 ? checked((int)rows) : 10_000, unusableIds));
            return 0;
        }

        rows = rows > 0 ? rows : 100_000;
        var result = await IngestionBenchmark.RunAsync(storage, rows, unusableIds, OperationsFile.PathOf(args), "eng/bench.sh " + string.Join(' ', args));
        Console.WriteLine(result.Format());
        return 0;
    }
}
