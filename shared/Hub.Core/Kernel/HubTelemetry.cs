using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hub.Core.Kernel;

/// <summary>
/// The Hub's own traces and metrics. Tags carry batch ids, source ids and counts, never personal data: no ID
/// number, name, phone, address or person key is ever a tag value.
/// </summary>
public static class HubTelemetry
{
    /// <summary>The name of the Hub's activity source and meter.</summary>
    public const string Name = "Hub";

    /// <summary>Spans for feed processing.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Counters and histograms.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Feed records by source and outcome (inserted, updated, unchanged, rejected, ended).</summary>
    public static Counter<long> FeedRecords { get; } = Meter.CreateCounter<long>("hub.feed.records", unit: "{record}", description: "Feed records processed, by source and outcome.");

    /// <summary>Feed batches finished, by source and status.</summary>
    public static Counter<long> FeedBatches { get; } = Meter.CreateCounter<long>("hub.feed.batches", unit: "{batch}", description: "Feed batches finished, by source and status.");
}
