namespace Hub.Cli.Capacity;

/// <summary>What the capacity model computes from its assumptions and the measured operations.</summary>
internal sealed record CapacityEstimate
{
    /// <summary>Records processed on the busiest night: every department's delta and the snapshots due that night.</summary>
    public required double NightRecords { get; init; }

    /// <summary>Of those, the records that change something (every delta row, a snapshot's changed rows): what storage is costed for.</summary>
    public required double NightChangedRecords { get; init; }

    /// <summary>Records per second over the nightly window.</summary>
    public required double IngestRecordsPerSecond { get; init; }

    /// <summary>Reads per second in the peak office hour.</summary>
    public required double ReadsPerSecond { get; init; }

    /// <summary>Per table: load in each window, the peak per partition against the published target, what it stores.</summary>
    public required IReadOnlyList<TableLoad> Tables { get; init; }

    /// <summary>Storage requests per second of the account in the nightly window (blobs and queues included).</summary>
    public required double AccountIngestRequestsPerSecond { get; init; }

    /// <summary>Storage requests per second of the account in the peak office hour.</summary>
    public required double AccountReadRequestsPerSecond { get; init; }

    /// <summary>The account's peak: the larger window, or their sum when they overlap.</summary>
    public required double AccountPeakRequestsPerSecond { get; init; }

    /// <summary>The account's peak over its published target.</summary>
    public required double AccountRatio { get; init; }

    /// <summary>Functions instances the reads need at peak.</summary>
    public required int ReadInstances { get; init; }

    /// <summary>Functions instances the nightly feeds need.</summary>
    public required int IngestInstances { get; init; }

    /// <summary>Instances at the peak (never fewer than the minimum).</summary>
    public required int PeakInstances { get; init; }

    /// <summary>The feed archive's size (raw payloads kept as long as the audit trail).</summary>
    public required double FeedArchiveBytes { get; init; }

    /// <summary>Storage transactions a month.</summary>
    public required double MonthlyTransactions { get; init; }

    /// <summary>Instance-hours a month.</summary>
    public required double MonthlyInstanceHours { get; init; }

    /// <summary>The monthly cost, line by line.</summary>
    public required IReadOnlyList<CostLine> Costs { get; init; }

    /// <summary>The candidate index's busiest birth date: how full its fullest row gets against the columns a row holds.</summary>
    public required CandidateRowLoad BusiestBirthDate { get; init; }

    /// <summary>
    /// Whether every table's peak per partition, and the account's, stay within the target share, and the busiest birth
    /// date's rows within the columns a row holds.
    /// </summary>
    public bool Met(double share) => AccountRatio <= share && Tables.All(t => t.Ratio <= share) && BusiestBirthDate.Fits;

    /// <summary>The monthly total.</summary>
    public double MonthlyCost => Costs.Sum(c => c.Amount);
}

/// <summary>One table's load and size.</summary>
/// <param name="Table">The table (without a name prefix).</param>
/// <param name="IngestPartitions">Partitions its load spreads over while feeds are merged.</param>
/// <param name="ReadPartitions">Partitions its load spreads over while staff read.</param>
/// <param name="IngestRequestsPerSecond">Requests per second in the nightly window.</param>
/// <param name="IngestEntitiesPerSecond">Entities per second in the nightly window.</param>
/// <param name="ReadRequestsPerSecond">Requests per second in the peak office hour.</param>
/// <param name="ReadEntitiesPerSecond">Entities per second in the peak office hour.</param>
/// <param name="PeakEntitiesPerPartition">The busiest partition's entities per second at the peak.</param>
/// <param name="Ratio">That over the published per-partition target.</param>
/// <param name="StoredEntities">Entities held (the audit tables: over the retention).</param>
/// <param name="StoredBytes">Their billed size.</param>
internal sealed record TableLoad(
    string Table,
    int IngestPartitions,
    int ReadPartitions,
    double IngestRequestsPerSecond,
    double IngestEntitiesPerSecond,
    double ReadRequestsPerSecond,
    double ReadEntitiesPerSecond,
    double PeakEntitiesPerPartition,
    double Ratio,
    double StoredEntities,
    double StoredBytes);

/// <summary>How full the rows of one heavily shared blocking key get.</summary>
/// <param name="Persons">Persons filed under the key.</param>
/// <param name="Rows">Rows the key is spread over.</param>
/// <param name="FullestRow">Persons in the fullest row: the average and three standard deviations of chance.</param>
/// <param name="ColumnsPerRow">The columns a row holds.</param>
internal sealed record CandidateRowLoad(double Persons, int Rows, double FullestRow, int ColumnsPerRow)
{
    /// <summary>Whether the fullest row stays within the columns a row holds.</summary>
    public bool Fits => FullestRow <= ColumnsPerRow;
}

/// <summary>One line of the monthly cost.</summary>
/// <param name="Item">What is paid for.</param>
/// <param name="Quantity">How much of it.</param>
/// <param name="Unit">In what unit.</param>
/// <param name="UnitPrice">At what price per unit (US dollars).</param>
/// <param name="Amount">Quantity × unit price.</param>
internal sealed record CostLine(string Item, double Quantity, string Unit, double UnitPrice, double Amount);
