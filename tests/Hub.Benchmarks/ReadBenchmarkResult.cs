using System.Globalization;
using System.Text;

namespace Hub.Benchmarks;

/// <summary>The figures of one read benchmark run, all measured in that run.</summary>
internal sealed record ReadBenchmarkResult(ReadBenchmarkOptions Options, PopulationLoadResult Load, IReadOnlyList<ScenarioFigures> Scenarios, (double P50, double P95, long Appends) AuditAppend)
{
    public const double Target = 4;

    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var raw = Scenarios[0].Latency;
        var loaded = Load.Loading == PopulationLoading.Seed ? "seeded" : "loaded through the Hub's feeds";
        text.AppendLine(c, $"Read benchmark: {Load.Persons:N0} persons {loaded}, {Options.Connections} connections, {Options.Seconds} s per scenario after {Options.WarmupSeconds} s warm-up, autocannon, Azurite in memory, one run");
        text.AppendLine(c, $"  load (police + civil-affairs feeds, {(Load.Loading == PopulationLoading.Seed ? "seeded" : "pushed")}) {Load.Rows,10:N0} rows in {Load.Elapsed.TotalSeconds:N1} s ({Load.Rows / Load.Elapsed.TotalSeconds:N0} rows/s)");
        if (Load.Loading == PopulationLoading.Seed)
        {
            text.AppendLine(c, $"  seed check: {Load.SeedCheckedRows:N0} fact, view and resident rows of {ReadBenchmark.SeedCheckPersons} persons written alike by the feeds and the seed");
        }

        text.AppendLine(c, $"  {"scenario",-30} {"targets",8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"not 200",8} {"storage ops/req",16} {"audit events/req",17} {"chain ops/req",14} {"index ops/req",14}");
        foreach (var s in Scenarios)
        {
            var (l, cost) = (s.Latency, s.Cost ?? new RequestCost(1, 0, 0, 0));
            text.AppendLine(c, $"  {s.Scenario.Name,-30} {s.Scenario.Requests.Count,8:N0} {l.RequestsPerSecond,9:N0} {l.P50,8:N2} {l.P95,8:N2} {l.P99,8:N2} {l.Failures,8:N0} {cost.StorageOperations,16:N2} {cost.AuditEvents,17:N2} {cost.ChainWrites,14:N2} {cost.IndexWrites,14:N2}");
        }

        foreach (var s in Scenarios.Skip(ReadBenchmark.ReferenceScenarios))
        {
            var ratio = s.Latency.P95 / raw.P95;
            text.AppendLine(c, $"  ratio p95 {s.Scenario.Name} / raw{new string(' ', Math.Max(1, 34 - s.Scenario.Name.Length))}{ratio,6:N2}   (target ≤ {Target:N0}: {(ratio <= Target ? "met" : "missed")})");
        }

        var range = Scenarios[1].Latency;
        text.AppendLine(c, $"  for reference: p95 raw person range query / raw entity GET {range.P95 / raw.P95,6:N2}   (Azurite answers a query by scanning the whole table)");

        text.AppendLine(c, $"  audit cost: the chain append a request awaits, {Options.Connections} callers at once: p50 {AuditAppend.P50:N2} ms, p95 {AuditAppend.P95:N2} ms ({AuditAppend.P95 / raw.P95:N2}× the raw read's p95; {AuditAppend.Appends:N0} appends)");
        foreach (var s in Scenarios.Where(s => s.Backlog is not null))
        {
            text.AppendLine(c, $"  person index after {s.Scenario.Name}: {s.Backlog!.Events:N0} events behind the chain when the load stopped, caught up {s.Backlog.CaughtUpIn.TotalSeconds:N1} s later");
        }

        text.AppendLine("  (chain ops are transactions the request waits for, shared by the events that arrive together; index ops are written after the answer)");
        return text.ToString();
    }
}
