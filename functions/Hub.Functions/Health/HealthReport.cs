namespace Hub.Functions.Health;

/// <summary>Storage reachability.</summary>
/// <param name="Tables">reachable or unreachable.</param>
/// <param name="Blobs">reachable or unreachable.</param>
/// <param name="Queues">reachable or unreachable.</param>
internal sealed record HealthReport(string Tables, string Blobs, string Queues)
{
    /// <summary>healthy when every service is reachable, else degraded.</summary>
    public string Status => Tables == "reachable" && Blobs == "reachable" && Queues == "reachable" ? "healthy" : "degraded";
}
