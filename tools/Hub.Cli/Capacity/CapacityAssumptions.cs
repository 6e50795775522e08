using System.Text.Json.Serialization;
using Hub.Core.Storage;

namespace Hub.Cli.Capacity;

/// <summary>
/// Everything the capacity model assumes about the city, its load, the Hub's layout and Azure's prices: each one an
/// option of <c>hub capacity</c> with the default below. Prices are in US dollars as published for a US region.
/// </summary>
internal sealed record CapacityAssumptions
{
    /// <summary>The city's residents (they size nothing the Hub stores; stated for the report).</summary>
    public long Residents { get; init; } = 32_000_000;

    /// <summary>Special-group persons the Hub holds.</summary>
    public long Persons { get; init; } = 3_000_000;

    /// <summary>Departments sending feeds.</summary>
    public int Departments { get; init; } = 4;

    /// <summary>Rows of one department's register; null: one row per person.</summary>
    public long? RegisterRows { get; init; }

    /// <summary>The share of a register a daily delta carries.</summary>
    public double ChangeRate { get; init; } = 0.05;

    /// <summary>
    /// The share of a monthly snapshot's rows that differ from what the Hub holds (the daily deltas carried the rest);
    /// an unchanged row writes nothing, so only these are costed at a record's measured storage operations.
    /// </summary>
    public double SnapshotChangedShare { get; init; } = 0.05;

    /// <summary>Nights the departments' monthly snapshots are spread over (1: all on the same night, the worst case).</summary>
    public int SnapshotNights { get; init; } = 1;

    /// <summary>Hours of the nightly window in which feeds are processed.</summary>
    public double IngestHours { get; init; } = 4;

    /// <summary>Staff reading.</summary>
    public long Staff { get; init; } = 20_000;

    /// <summary>Reads per user in the peak hour.</summary>
    public double ReadsPerHour { get; init; } = 10;

    /// <summary>The share of reads that are list pages (the rest person details).</summary>
    public double ListShare { get; init; } = 0.5;

    /// <summary>Office hours a day, at the peak rate (the audit trail's growth).</summary>
    public double OfficeHours { get; init; } = 8;

    /// <summary>Working days a month.</summary>
    public double WorkingDays { get; init; } = 22;

    /// <summary>Years the audit trail (and the feed archive) is kept.</summary>
    public double AuditYears { get; init; } = 3;

    /// <summary>Streets (街道/乡镇): the partitions of the residents index and of a street's worklist.</summary>
    public int Streets { get; init; } = 1_000;

    /// <summary>
    /// Days the index's birth dates mostly fall on: about 60 years of working and old age, where special groups
    /// (elderly, disabled, low-income) concentrate.
    /// </summary>
    public double BirthDateDays { get; init; } = 22_000;

    /// <summary>
    /// Persons born on the busiest date over the average date: cohort peaks, and dates heaped on 1 January by records
    /// that knew only the year.
    /// </summary>
    public double BusiestBirthDateFactor { get; init; } = 5;

    /// <summary>Partitions a running merge writes at once (merge groups at once × partitions a group's run covers).</summary>
    public int MergeActivePartitions { get; init; } = 64;

    /// <summary>
    /// The Hub's <c>Hub:Feeds:PointReadPersonsPerPartition</c>: a delta whose persons fall at most this many to a fact
    /// partition is merged from point reads of each person instead of reading its partitions whole.
    /// </summary>
    public long PointReadPersonsPerPartition { get; init; } = 32;

    /// <summary>
    /// Point reads of <c>facts</c> a delta record costs when its partition is read person by person (view, data key, the
    /// fact; the link for a record without an ID): 3.1, measured with <c>eng/bench.sh --store 20000 --rows 2000 --unusable-ids 0.1</c>.
    /// </summary>
    public double MergePointReadsPerRecord { get; init; } = 3.1;

    /// <summary>
    /// How the Hub reads those rows (<c>Hub:Storage:KeyReads</c>): on Azure by default a query for every 14 rows of a
    /// partition (<see cref="KeyReadMode.Queries"/>), or a point read a row (<see cref="KeyReadMode.PointReads"/>). Either
    /// way it touches the same rows; only the requests differ.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter<KeyReadMode>))]
    public KeyReadMode KeyReads { get; init; } = KeyReadMode.Queries;

    /// <summary>Whether feeds are processed during office hours too (then the two loads add up).</summary>
    public bool Overlap { get; init; }

    /// <summary>The share of a published target the model accepts at peak (issue target: 20%).</summary>
    public double TargetShare { get; init; } = 0.2;

    /// <summary>Published: requests per second of a standard general-purpose v2 account.</summary>
    public double AccountRequestsPerSecond { get; init; } = 20_000;

    /// <summary>Published: entities per second of one table partition (1 KiB entities).</summary>
    public double PartitionEntitiesPerSecond { get; init; } = 2_000;

    /// <summary>vCPUs of one Functions instance (Elastic Premium EP1: 1).</summary>
    public double InstanceCores { get; init; } = 1;

    /// <summary>The share of an instance's capacity used at peak.</summary>
    public double Utilisation { get; init; } = 0.6;

    /// <summary>Instances always running (availability).</summary>
    public int MinimumInstances { get; init; } = 2;

    /// <summary>How many times the benchmark machine's read rate one instance serves (1: the same).</summary>
    public double InstanceReadSpeedup { get; init; } = 1;

    /// <summary>Price: table storage, GB-month (LRS).</summary>
    public double PriceTableGbMonth { get; init; } = 0.045;

    /// <summary>Price: table transactions, per 10,000.</summary>
    public double PriceTablePer10k { get; init; } = 0.00036;

    /// <summary>Price: hot block blob storage, GB-month (LRS), for the feed archive.</summary>
    public double PriceBlobGbMonth { get; init; } = 0.0184;

    /// <summary>Price: one Functions Elastic Premium EP1 instance-hour (1 vCPU, 3.5 GB).</summary>
    public double PriceInstanceHour { get; init; } = 0.216;

    /// <summary>Rows of one register: the option, else one a person.</summary>
    public long Register => RegisterRows ?? Persons;
}
