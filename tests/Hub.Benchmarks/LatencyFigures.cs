namespace Hub.Benchmarks;

/// <summary>What the load generator measured for one scenario: latencies in milliseconds, and the answers' statuses.</summary>
internal sealed record LatencyFigures(long WarmupRequests, long Requests, double Seconds, double RequestsPerSecond, double P50, double P95, double P99, IReadOnlyDictionary<string, long> Statuses, long Errors, long Timeouts)
{
    /// <summary>Answers that were not 200, and requests that got no answer.</summary>
    public long Failures => Statuses.Where(s => s.Key != "200").Sum(s => s.Value) + Errors;
}
