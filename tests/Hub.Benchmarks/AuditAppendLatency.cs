using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Hub.Core.Audit;
using Hub.Core.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>
/// What auditing adds to a read's latency: the Hub awaits its event's append to the chain before it answers, so the
/// append's own latency, with as many callers at once as the load generator has connections, is the difference.
/// The events are shaped like a person detail's (one person key, a dozen disclosed fields) and name fictional keys.
/// </summary>
internal static class AuditAppendLatency
{
    private static readonly string[] DetailFields =
    [
        "name", "sex", "birthDate", "phone", "residenceAddress", "registrationAddress", "householdKey", "memberships", "assistanceAmount", "disabilityCategory", "residentId", "status",
    ];

    public static async Task<(double P50, double P95, long Appends)> MeasureAsync(BenchmarkHub hub, int callers, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var log = hub.Services.GetRequiredService<AuditLog>();
        var latencies = new ConcurrentBag<double>();
        var until = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, callers), new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = cancellationToken }, async (caller, token) =>
        {
            while (until.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await log.AppendAsync(Event(caller), token);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

        var sorted = latencies.Order().ToArray();
        return (Percentile(sorted, 50), Percentile(sorted, 95), sorted.Length);
    }

    private static AuditEvent Event(int caller) => new()
    {
        Actor = new AuditActor($"bench-{caller}", "Hub.StreetOfficer", "110105001000", "bench", "127.0.0.1"),
        Action = AuditAction.PersonRead,
        Resource = "/api/persons/{personKey}",
        PersonKeys = [PersonKey.Parse(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))],
        Fields = [.. DetailFields.Select(f => new DisclosedField(f, Masked: f is "name" or "phone" or "residentId"))],
        Purpose = "home-visit",
        Outcome = AuditOutcome.Allowed,
        RecordCount = 1,
    };

    private static double Percentile(double[] sorted, int p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
