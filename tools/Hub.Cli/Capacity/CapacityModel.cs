using Hub.Core.Access.Residents;
using Hub.Core.Storage;

namespace Hub.Cli.Capacity;

/// <summary>
/// The capacity model (docs/capacity.md): the city's load, in storage requests and entities per second per table and
/// per partition, from the operations the benchmarks measured per ingested record and per read, against Azure's
/// published scale targets; what the tables hold; Functions instances; a monthly cost from unit prices.
/// </summary>
internal static class CapacityModel
{
    /// <summary>Partitions of the tables partitioned by person key (10 bits of it).</summary>
    public const int PersonPartitions = 1024;

    /// <summary>Partitions of the tables partitioned by the first hex digit of a key.</summary>
    public const int HexPartitions = 16;

    private const double SecondsPerHour = 3600;
    private const double HoursPerMonth = 730;
    private const double DaysPerMonth = 30;
    private const double MonthsPerYear = 12;
    private const double Gigabyte = 1e9;

    // Entities a range query returns a page.
    private const double EntitiesPerPage = 1000;

    public static CapacityEstimate Compute(CapacityAssumptions a, MeasuredOperations m)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(m);
        var register = (double)a.Register;
        var window = a.IngestHours * SecondsPerHour;
        var snapshots = a.Departments / (double)a.SnapshotNights;
        var nightRecords = (a.Departments * register * a.ChangeRate) + (snapshots * register);

        // Storage is costed for the records that change something: every delta row, a snapshot's changed rows. Every
        // row costs CPU (read, checked, compared).
        var changedRate = ((a.Departments * register * a.ChangeRate) + (snapshots * register * a.SnapshotChangedShare)) / window;
        var ingestRate = nightRecords / window;

        // A batch's merge reads each fact partition it touches whole (adjacent ones together in one range query): at a
        // city's size every batch touches every partition, so each batch of the night reads the whole facts table once. A delta whose persons
        // fall few to a partition reads each of them by point reads instead. The benchmark's store starts empty, so
        // these reads are not in its counts; they are added here.
        var storedRecords = a.Departments * register;
        var factsStored = storedRecords * (m.Ingest.GetValueOrDefault("facts")?.EntitiesStoredPerRecord ?? 0);
        var deltaRecords = register * a.ChangeRate;
        var deltaByPoints = deltaRecords / PersonPartitions <= a.PointReadPersonsPerPartition;
        var deltaReadEntities = deltaByPoints ? deltaRecords * a.MergePointReadsPerRecord : factsStored;
        // Read by queries, each partition's rows cost a request for every 14 of them (Hub:Storage:KeyReads).
        var deltaReadRequests = !deltaByPoints ? factsStored / EntitiesPerPage
            : a.KeyReads == KeyReadMode.Queries ? PersonPartitions * Math.Ceiling(deltaReadEntities / PersonPartitions / EntityTable.KeysPerQuery)
            : deltaReadEntities;
        var mergeReadEntities = ((a.Departments * deltaReadEntities) + (snapshots * factsStored)) / window;
        var mergeReadRequests = ((a.Departments * deltaReadRequests) + (snapshots * factsStored / EntitiesPerPage)) / window;
        var readRate = a.Staff * a.ReadsPerHour / SecondsPerHour;
        var (detailRate, listRate) = (readRate * (1 - a.ListShare), readRate * a.ListShare);
        var readsOverRetention = a.Staff * a.ReadsPerHour * a.OfficeHours * a.WorkingDays * MonthsPerYear * a.AuditYears;

        // "Tables" is the service's list of tables, which a Hub reads and writes at start only.
        var names = m.Ingest.Keys.Union(m.Detail.Tables.Keys).Union(m.List.Tables.Keys).Where(t => t is not ("Tables" or "$batch")).Order(StringComparer.Ordinal);
        var tables = new List<TableLoad>();
        foreach (var table in names)
        {
            var cost = m.Ingest.GetValueOrDefault(table) ?? new TableCost(0, 0, 0, 0);
            var (detail, list) = (m.Detail.Tables.GetValueOrDefault(table) ?? new TableTouch(0, 0), m.List.Tables.GetValueOrDefault(table) ?? new TableTouch(0, 0));
            var (ingestPartitions, readPartitions) = (Partitions(table, a, ingest: true), Partitions(table, a, ingest: false));
            var merged = table == "facts" ? mergeReadEntities : 0;
            var ingestRequests = (changedRate * cost.RequestsPerRecord) + (table == "facts" ? mergeReadRequests : 0);
            var ingestEntities = (changedRate * cost.EntitiesTouchedPerRecord) + merged;
            var readRequests = (detailRate * detail.Requests) + (listRate * list.Requests);
            var readEntities = (detailRate * detail.Entities) + (listRate * list.Entities);
            var (atNight, atDay) = (ingestEntities / ingestPartitions, readEntities / readPartitions);
            var peak = a.Overlap ? atNight + atDay : Math.Max(atNight, atDay);
            var (entities, bytes) = Stored(table, a, m, cost, storedRecords, readsOverRetention);
            tables.Add(new TableLoad(table, ingestPartitions, readPartitions, ingestRequests, ingestEntities, readRequests, readEntities, peak, peak / a.PartitionEntitiesPerSecond, entities, bytes));
        }

        var accountNight = (changedRate * m.IngestRequestsPerRecord) + mergeReadRequests;
        var accountDay = (detailRate * m.Detail.RequestsPerRequest) + (listRate * m.List.RequestsPerRequest);
        var accountPeak = a.Overlap ? accountNight + accountDay : Math.Max(accountNight, accountDay);

        // A read's time on an instance is its share of the benchmark's measured rate; an ingested record's is its CPU.
        var secondsPerRead = ((1 - a.ListShare) / m.Detail.RequestsPerSecond) + (a.ListShare / m.List.RequestsPerSecond);
        var readInstances = (int)Math.Ceiling(readRate * secondsPerRead / a.InstanceReadSpeedup / a.Utilisation);
        var ingestInstances = (int)Math.Ceiling(ingestRate * m.IngestCpuMillisecondsPerRecord / 1000 / a.InstanceCores / a.Utilisation);
        var peakInstances = Math.Max(a.MinimumInstances, a.Overlap ? readInstances + ingestInstances : Math.Max(readInstances, ingestInstances));
        var instanceHours = (a.MinimumInstances * HoursPerMonth)
            + (Math.Max(0, readInstances - a.MinimumInstances) * a.OfficeHours * a.WorkingDays)
            + (Math.Max(0, ingestInstances - a.MinimumInstances) * a.IngestHours * DaysPerMonth);

        var monthlyRecords = (a.Departments * register * a.ChangeRate * DaysPerMonth) + (a.Departments * register);
        var monthlyChanged = (a.Departments * register * a.ChangeRate * DaysPerMonth) + (a.Departments * register * a.SnapshotChangedShare);
        var monthlyMergeRequests = (a.Departments * DaysPerMonth * deltaReadRequests) + (a.Departments * factsStored / EntitiesPerPage);
        var monthlyReads = a.Staff * a.ReadsPerHour * a.OfficeHours * a.WorkingDays;
        var transactions = (monthlyChanged * m.IngestRequestsPerRecord) + monthlyMergeRequests
            + (monthlyReads * (((1 - a.ListShare) * m.Detail.RequestsPerRequest) + (a.ListShare * m.List.RequestsPerRequest)));
        var archive = monthlyRecords * MonthsPerYear * a.AuditYears * m.FeedBytesPerRecord;
        var tableGb = tables.Sum(t => t.StoredBytes) / Gigabyte;
        CostLine[] costs =
        [
            Line("Table storage", tableGb, "GB-month", a.PriceTableGbMonth),
            Line("Storage transactions", transactions / 10_000, "10,000 transactions", a.PriceTablePer10k),
            Line("Blob storage (feed archive)", archive / Gigabyte, "GB-month", a.PriceBlobGbMonth),
            Line("Functions instances (EP1)", instanceHours, "instance-hours", a.PriceInstanceHour),
        ];

        // Persons fall to a key's rows by a hash of their key, so a row's share is binomial: three standard deviations
        // above the average is the fullest row of a busy date, by chance.
        var busiestDate = a.Persons / a.BirthDateDays * a.BusiestBirthDateFactor;
        var perRow = busiestDate / CandidateKeyRows.BirthDate;
        var fullestRow = perRow + (3 * Math.Sqrt(perRow));

        return new CapacityEstimate
        {
            NightRecords = nightRecords,
            NightChangedRecords = changedRate * window,
            IngestRecordsPerSecond = ingestRate,
            ReadsPerSecond = readRate,
            Tables = tables,
            AccountIngestRequestsPerSecond = accountNight,
            AccountReadRequestsPerSecond = accountDay,
            AccountPeakRequestsPerSecond = accountPeak,
            AccountRatio = accountPeak / a.AccountRequestsPerSecond,
            ReadInstances = readInstances,
            IngestInstances = ingestInstances,
            PeakInstances = peakInstances,
            FeedArchiveBytes = archive,
            MonthlyTransactions = transactions,
            MonthlyInstanceHours = instanceHours,
            Costs = costs,
            BusiestBirthDate = new CandidateRowLoad(busiestDate, CandidateKeyRows.BirthDate, fullestRow, CandidateKeyRows.ColumnsPerRow),
        };
    }

    /// <summary>
    /// The partitions a table's load spreads over (README, "Storage layout"). Tables partitioned by person key spread a
    /// read over all 1,024, but a merge writes only the partitions of the groups it is merging at once. A table whose
    /// writes go to one partition at a time (the day's audit chain, the change feed's tail block, the steward queue)
    /// counts as one, as does any table the layout does not name.
    /// </summary>
    public static int Partitions(string table, CapacityAssumptions a, bool ingest)
    {
        ArgumentNullException.ThrowIfNull(a);
        return table switch
        {
            "facts" or "grants" or "worklist" => ingest ? Math.Min(PersonPartitions, a.MergeActivePartitions) : PersonPartitions,
            "residents" => a.Streets,
            "candidates" or "auditbyperson" => HexPartitions,
            "batches" or "corrections" => a.Departments,
            _ => 1,
        };
    }

    // What a table holds: the audit tables as the reads over the retention write them, the others as the stored records do.
    private static (double Entities, double Bytes) Stored(string table, CapacityAssumptions a, MeasuredOperations m, TableCost cost, double storedRecords, double readsOverRetention)
    {
        var perRead = table switch
        {
            "audit" => ((1 - a.ListShare) * m.Detail.AuditEventsPerRequest) + (a.ListShare * m.List.AuditEventsPerRequest),
            "auditbyperson" => ((1 - a.ListShare) * (m.Detail.Tables.GetValueOrDefault(table)?.Entities ?? 0)) + (a.ListShare * (m.List.Tables.GetValueOrDefault(table)?.Entities ?? 0)),
            _ => (double?)null,
        };
        if (perRead is { } rows)
        {
            var entities = readsOverRetention * rows;
            return (entities, entities * m.AuditBytesPerEntity.GetValueOrDefault(table));
        }

        var stored = storedRecords * cost.EntitiesStoredPerRecord;
        return (stored, stored * cost.BytesPerEntity);
    }

    private static CostLine Line(string item, double quantity, string unit, double price) => new(item, quantity, unit, price, quantity * price);
}
