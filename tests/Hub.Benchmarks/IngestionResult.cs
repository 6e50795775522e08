using System.Globalization;
using System.Text;

namespace Hub.Benchmarks;

/// <summary>The figures of one ingestion run, all measured in that run.</summary>
internal sealed record IngestionResult(
    long Rows,
    long Accepted,
    long Rejected,
    double RawEntitiesPerSecond,
    double HubRecordsPerSecond,
    long StorageOperations,
    double PushSeconds,
    double TotalSeconds,
    long PeakHeapBytes,
    long PeakWorkingSetBytes,
    long PayloadBytes)
{
    public double Ratio => HubRecordsPerSecond / RawEntitiesPerSecond;

    public double OperationsPerRecord => (double)StorageOperations / Rows;

    /// <summary>Raw Azurite writing the same number of entities one upsert each, 32 in flight (the plain pattern).</summary>
    public double SingleUpsertsPerSecond { get; init; }

    /// <summary>Entities the first push wrote per new record, by table.</summary>
    public IReadOnlyDictionary<string, double> EntityWritesPerNewRecord { get; init; } = new Dictionary<string, double>();

    /// <summary>Entities the same records pushed again wrote per unchanged record, by table.</summary>
    public IReadOnlyDictionary<string, double> EntityWritesPerUnchangedRecord { get; init; } = new Dictionary<string, double>();

    /// <summary>Records the batch kept without a usable ID, matched after the merge.</summary>
    public long UnidentifiedRecords { get; init; }

    /// <summary>Rows of the candidate index after the run: one per blocking key, a few for the kinds spread over several.</summary>
    public long CandidateKeyRows { get; init; }

    /// <summary>Entries of the candidate index after the run: one per person and blocking key.</summary>
    public long CandidateEntries { get; init; }

    public string Format()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Ingestion benchmark: one {Rows:N0}-row CSV delta (civil affairs layout) into an empty store, Azurite, one run");
        text.AppendLine(c, $"  payload                                   {PayloadBytes / 1048576.0,10:N1} MiB");
        text.AppendLine(c, $"  accepted / rejected rows                  {Accepted,10:N0} / {Rejected:N0}");
        text.AppendLine(c, $"  kept without a usable ID, matched         {UnidentifiedRecords,10:N0}");
        text.AppendLine(c, $"  raw Azurite, 100-entity transactions      {RawEntitiesPerSecond,10:N0} entities/s");
        text.AppendLine(c, $"  Hub end to end (push → batch completed)   {HubRecordsPerSecond,10:N0} records/s   (push {PushSeconds:N1} s, total {TotalSeconds:N1} s)");
        text.AppendLine(c, $"  raw Azurite, single upserts (32 in flight) {SingleUpsertsPerSecond,9:N0} entities/s");
        text.AppendLine(c, $"  ratio Hub / raw transactions              {Ratio,10:N2}              (target ≥ 0.4)");
        text.AppendLine(c, $"  ratio Hub / single upserts                {HubRecordsPerSecond / SingleUpsertsPerSecond,10:N2}              (target ≥ 1.5)");
        text.AppendLine(c, $"  entity writes per new record              {EntityWritesPerNewRecord.Values.Sum(),10:N2}              (target ≤ 2; {ByTable(EntityWritesPerNewRecord)})");
        text.AppendLine(c, $"  entity writes per unchanged record        {EntityWritesPerUnchangedRecord.Values.Sum(),10:N2}              (target 0; {ByTable(EntityWritesPerUnchangedRecord)})");
        text.AppendLine(c, $"  storage operations per ingested record    {OperationsPerRecord,10:N3}              (target ≤ 0.2; {StorageOperations:N0} requests)");
        text.AppendLine(c, $"  candidate index: key rows / entries       {CandidateKeyRows,10:N0} / {CandidateEntries:N0}   ({(double)CandidateEntries / Math.Max(1, Accepted):N2} entries per accepted record)");
        text.AppendLine(c, $"  while the Hub ran: peak managed heap      {PeakHeapBytes / 1048576.0,10:N0} MiB, peak working set {PeakWorkingSetBytes / 1048576.0:N0} MiB");
        return text.ToString();
    }

    private static string ByTable(IReadOnlyDictionary<string, double> writes) =>
        writes.Count == 0 ? "none" : string.Join(", ", writes.OrderByDescending(w => w.Value).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key} {w.Value:N2}")));
}
