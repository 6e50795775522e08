using System.Globalization;
using System.Text;

namespace Hub.Benchmarks;

/// <summary>The figures of one push-delivery run, all measured in that run.</summary>
/// <param name="DeltaRows">Rows of the police delta.</param>
/// <param name="UpdatedRecords">Records the delta changed.</param>
/// <param name="PublishedEvents">Events the batch published to the change feed.</param>
/// <param name="DeliveredEvents">Events the receiver took, duplicates included.</param>
/// <param name="DistinctEvents">Distinct event ids the receiver took.</param>
/// <param name="Refused">Deliveries whose signature did not verify.</param>
/// <param name="Arrivals">Each delivery's arrival after the batch completed, and its events, in arrival order.</param>
/// <param name="DeliveryOperations">Storage requests the Hub sent from the batch's completion to the last delivery.</param>
/// <param name="DirectEventsPerSecond">The receiver's rate for the same deliveries posted to it without the Hub, one at a time, for two seconds.</param>
/// <param name="RawEntitiesPerSecond">Raw Azurite writing as many fact-sized entities as there are persons.</param>
/// <param name="PulledEventsPerSecond">The same subscriber reading the same events from the pull feed.</param>
/// <param name="PulledPages">Pages of 500 the pull feed was read in.</param>
/// <param name="EventsPerDelivery">The configured most events in one delivery (Hub:Push:EventsPerDelivery).</param>
internal sealed record PushResult(
    long DeltaRows,
    long UpdatedRecords,
    long PublishedEvents,
    long DeliveredEvents,
    long DistinctEvents,
    int Refused,
    IReadOnlyList<(TimeSpan Delay, int Events)> Arrivals,
    long DeliveryOperations,
    double DirectEventsPerSecond,
    double RawEntitiesPerSecond,
    double PulledEventsPerSecond,
    int PulledPages,
    int EventsPerDelivery)
{
    /// <summary>Audit events the person index had still to write when the last delivery arrived, and how long it took to catch up.</summary>
    public IndexBacklog IndexBacklog { get; init; } = new(0, TimeSpan.Zero);

    /// <summary>Events the receiver took, by type.</summary>
    public IReadOnlyDictionary<string, long> Types { get; init; } = new Dictionary<string, long>();

    /// <summary>Storage requests the Hub sent while the audit person index caught up after the last delivery.</summary>
    public long IndexOperations { get; init; }

    public TimeSpan FirstDelay => Arrivals.Min(a => a.Delay);

    public TimeSpan LastDelay => Arrivals.Max(a => a.Delay);

    /// <summary>Events over the time from the first delivery's arrival to the last's.</summary>
    public double DeliveredPerSecond => DeliveredEvents / Math.Max(0.001, (LastDelay - FirstDelay).TotalSeconds);

    /// <summary>Events over the time from the batch's completion to the last delivery.</summary>
    public double EndToEndPerSecond => DeliveredEvents / Math.Max(0.001, LastDelay.TotalSeconds);

    /// <summary>The delay after which <paramref name="share"/> of the events had arrived.</summary>
    public TimeSpan EventDelay(double share)
    {
        var wanted = Math.Max(1, (long)Math.Ceiling(share * DeliveredEvents));
        long seen = 0;
        foreach (var (delay, events) in Arrivals.OrderBy(a => a.Delay))
        {
            seen += events;
            if (seen >= wanted)
            {
                return delay;
            }
        }

        return LastDelay;
    }

    public string Format()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Push delivery benchmark: a {DeltaRows:N0}-row police delta (every person dies, moves or moves out) into {DeltaRows:N0} seeded persons, one push subscription, Azurite, one run");
        text.AppendLine(c, $"  records changed / events published        {UpdatedRecords,10:N0} / {PublishedEvents:N0}");
        text.AppendLine(c, $"  events delivered / distinct / refused     {DeliveredEvents,10:N0} / {DistinctEvents:N0} / {Refused:N0}   ({DeliveredEvents - DistinctEvents:N0} duplicates)");
        text.AppendLine(c, $"    by type: {string.Join(", ", Types.OrderByDescending(t => t.Value).Select(t => string.Create(c, $"{t.Key} {t.Value:N0}")))}");
        text.AppendLine(c, $"  deliveries / events per delivery          {Arrivals.Count,10:N0} / {(double)DeliveredEvents / Math.Max(1, Arrivals.Count):N1}   (at most {EventsPerDelivery})");
        text.AppendLine(c, $"  Hub push, first → last delivery           {DeliveredPerSecond,10:N0} events/s");
        text.AppendLine(c, $"  Hub push, batch completed → last delivery {EndToEndPerSecond,10:N0} events/s");
        text.AppendLine(c, $"  delay after batch completed: first event  {FirstDelay.TotalSeconds,10:N2} s");
        text.AppendLine(c, $"                               p50 / p95    {EventDelay(0.5).TotalSeconds,10:N2} s / {EventDelay(0.95).TotalSeconds:N2} s");
        text.AppendLine(c, $"                               last event   {LastDelay.TotalSeconds,10:N2} s");
        text.AppendLine(c, $"  storage operations per delivered event    {(double)DeliveryOperations / Math.Max(1, DeliveredEvents),10:N3}   ({DeliveryOperations:N0} requests, {(double)DeliveryOperations / Math.Max(1, Arrivals.Count):N1} per delivery)");
        text.AppendLine(c, $"    with the audit person index caught up   {(double)(DeliveryOperations + IndexOperations) / Math.Max(1, DeliveredEvents),10:N3}   ({IndexOperations:N0} more after the last delivery: {IndexBacklog.Events:N0} audit events behind, caught up in {IndexBacklog.CaughtUpIn.TotalSeconds:N1} s)");
        text.AppendLine(c, $"  receiver without the Hub, same deliveries {DirectEventsPerSecond,10:N0} events/s");
        text.AppendLine(c, $"  ratio Hub push / receiver alone           {DeliveredPerSecond / DirectEventsPerSecond,10:N3}");
        text.AppendLine(c, $"  raw Azurite, 100-entity transactions      {RawEntitiesPerSecond,10:N0} entities/s");
        text.AppendLine(c, $"  ratio Hub push / raw Azurite              {DeliveredPerSecond / RawEntitiesPerSecond,10:N3}");
        text.AppendLine(c, $"  pull feed, same subscriber, pages of 500  {PulledEventsPerSecond,10:N0} events/s   ({PulledPages:N0} pages; ratio push / pull {DeliveredPerSecond / PulledEventsPerSecond:N2})");
        return text.ToString();
    }
}
