using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Hub.Core.Storage;

/// <summary>The Hub's tables, containers and queues, named once.</summary>
public sealed class HubStorage
{
    private readonly QueueServiceClient _queues;
    private readonly string _prefix;

    /// <summary>Creates the named clients from the account-level clients.</summary>
    public HubStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IOptions<HubStorageOptions> options, BlobSealing? sealing = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.Value.NamePrefix;
        _queues = queues;
        _prefix = prefix;
        var split = options.Value.SplitTablesFor(tables);
        (FactsSplit, CandidatesSplit, ResidentsSplit) = (TableSplit.Facts(split), TableSplit.Candidates(split), TableSplit.Residents(split));
        FactTables = [.. Enumerable.Range(0, split).Select(i => tables.GetTableClient(FactsSplit.TableName(prefix, i)))];
        CandidateTables = [.. Enumerable.Range(0, split).Select(i => tables.GetTableClient(CandidatesSplit.TableName(prefix, i)))];
        ResidentTables = [.. Enumerable.Range(0, split).Select(i => tables.GetTableClient(ResidentsSplit.TableName(prefix, i)))];
        Facts = FactTables[0];
        Batches = tables.GetTableClient($"{prefix}batches");
        Residents = ResidentTables[0];
        Reviews = tables.GetTableClient($"{prefix}reviews");
        Candidates = CandidateTables[0];
        Audit = tables.GetTableClient($"{prefix}audit");
        AuditByPerson = tables.GetTableClient($"{prefix}auditbyperson");
        Grants = tables.GetTableClient($"{prefix}grants");
        Events = tables.GetTableClient($"{prefix}events");
        Subscriptions = tables.GetTableClient($"{prefix}subscriptions");
        Deliveries = tables.GetTableClient($"{prefix}deliveries");
        Worklist = tables.GetTableClient($"{prefix}worklist");
        Corrections = tables.GetTableClient($"{prefix}corrections");
        KeyMap = tables.GetTableClient($"{prefix}keymap");
        FeedArchive = blobs.GetBlobContainerClient($"{prefix}feeds");
        Rejects = blobs.GetBlobContainerClient($"{prefix}rejects");
        AuditCheckpoints = blobs.GetBlobContainerClient($"{prefix}auditcheckpoints");
        Divisions = blobs.GetBlobContainerClient($"{prefix}divisions");
        FeedUploads = blobs.GetBlobContainerClient($"{prefix}uploads");
        FeedBatchQueue = queues.GetQueueClient($"{prefix}{QueueNames.FeedBatches}");
        FeedBatchPoisonQueue = queues.GetQueueClient($"{prefix}{QueueNames.FeedBatches}-poison");
        PushDeliveryQueue = queues.GetQueueClient($"{prefix}{QueueNames.PushDeliveries}");
        PushDeliveryPoisonQueue = queues.GetQueueClient($"{prefix}{QueueNames.PushDeliveries}-poison");
        ServiceTables = tables;
        KeyReads = options.Value.KeyReadsFor(tables);
        FactsTable = new EntityTable(FactTables, FactsSplit, KeyReads);
        BatchesTable = new EntityTable(Batches, KeyReads);
        ResidentsTable = new EntityTable(ResidentTables, ResidentsSplit, KeyReads);
        ReviewsTable = new EntityTable(Reviews, KeyReads);
        // A query naming row keys with "or" is a scan of its partition on Azure, and a candidate partition holds a
        // sixteenth of the whole index: left to choose, the candidate index reads its keys one point read each.
        CandidatesTable = new EntityTable(CandidateTables, CandidatesSplit, options.Value.KeyReads == KeyReadMode.Auto ? KeyReadMode.PointReads : KeyReads);
        AuditTable = new EntityTable(Audit, KeyReads);
        AuditByPersonTable = new EntityTable(AuditByPerson, KeyReads);
        GrantsTable = new EntityTable(Grants, KeyReads);
        EventsTable = new EntityTable(Events, KeyReads);
        SubscriptionsTable = new EntityTable(Subscriptions, KeyReads);
        DeliveriesTable = new EntityTable(Deliveries, KeyReads);
        WorklistTable = new EntityTable(Worklist, KeyReads);
        CorrectionsTable = new EntityTable(Corrections, KeyReads);
        KeyMapTable = new EntityTable(KeyMap, KeyReads);
        FeedArchiveFolder = new BlobFolder(FeedArchive, sealing);
        RejectsFolder = new BlobFolder(Rejects, sealing);
        AuditCheckpointsFolder = new BlobFolder(AuditCheckpoints);
        DivisionsFolder = new BlobFolder(Divisions);
        FeedUploadsFolder = new UploadFolder(blobs, FeedUploads);
        FeedBatches = new WorkQueue(FeedBatchQueue);
        FeedBatchPoison = new WorkQueue(FeedBatchPoisonQueue);
        PushDeliveries = new WorkQueue(PushDeliveryQueue);
    }

    /// <summary>The trace sources of the storage clients, for telemetry to listen to.</summary>
    public static IReadOnlyList<string> TraceSources { get; } = ["Azure.Data.Tables.*", "Azure.Storage.*"];

    /// <summary>How the tables read a set of known row keys of one partition: <see cref="HubStorageOptions.KeyReads"/>, settled for this account.</summary>
    public KeyReadMode KeyReads { get; }

    /// <summary>Facts, one entity per source record, and each person's resolution rows; partitioned by person key.</summary>
    public EntityTable FactsTable { get; }

    /// <summary>The resident index: golden persons by street, community and grid, with what candidate search scores.</summary>
    public EntityTable ResidentsTable { get; }

    /// <summary>Possible matches waiting for a data steward.</summary>
    public EntityTable ReviewsTable { get; }

    /// <summary>The candidate index: a row, or a few, per hashed blocking key, naming the persons filed under it with their match records.</summary>
    public EntityTable CandidatesTable { get; }

    /// <summary>Feed batches and the content index that makes pushes idempotent.</summary>
    public EntityTable BatchesTable { get; }

    /// <summary>The audit hash chain: one partition per day, events and the chain head.</summary>
    public EntityTable AuditTable { get; }

    /// <summary>The audit index by person, derived from the chain: who looked at a person, without reading the whole chain.</summary>
    public EntityTable AuditByPersonTable { get; }

    /// <summary>Break-glass grants: one row per person and user, read on every person look while it lasts.</summary>
    public EntityTable GrantsTable { get; }

    /// <summary>Change events: staged per batch, then published in a feed partitioned by sequence block.</summary>
    public EntityTable EventsTable { get; }

    /// <summary>Subscriptions to the change feed, partitioned by the subscriber's subject.</summary>
    public EntityTable SubscriptionsTable { get; }

    /// <summary>Push delivery: per subscription its delivery state and its dead letters.</summary>
    public EntityTable DeliveriesTable { get; }
    /// <summary>The cross-department checks' worklist: items by person, indexed by owning department and by street.</summary>
    public EntityTable WorklistTable { get; }

    /// <summary>Residents' correction requests, partitioned by the department that owns the value.</summary>
    public EntityTable CorrectionsTable { get; }

    /// <summary>A pepper rotation's map of each old person key to its new one (and back), and how far the rotation has come.</summary>
    public EntityTable KeyMapTable { get; }

    /// <summary>Audit checkpoints (Merkle roots over ranges of the chain); write-once (WORM) in Azure.</summary>
    public BlobFolder AuditCheckpointsFolder { get; }

    /// <summary>The raw payload of every feed, kept so it can be replayed.</summary>
    public BlobFolder FeedArchiveFolder { get; }

    /// <summary>Full rejection reports, one CSV per batch.</summary>
    public BlobFolder RejectsFolder { get; }

    /// <summary>The division registry's versions as loaded, and the one in force (<c>current.json</c>).</summary>
    public BlobFolder DivisionsFolder { get; }

    /// <summary>Large feeds as departments upload them through write-only URLs, until the Hub takes them into the archive.</summary>
    public UploadFolder FeedUploadsFolder { get; }

    /// <summary>Batches waiting to be processed.</summary>
    public WorkQueue FeedBatches { get; }

    /// <summary>Batch messages that failed every attempt.</summary>
    public WorkQueue FeedBatchPoison { get; }

    /// <summary>Requests to push a subscription's pending events, or a dead letter again.</summary>
    public WorkQueue PushDeliveries { get; }

    /// <summary>Facts, one entity per source record, and each person's resolution rows; partitioned by person key.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Facts { get; }

    /// <summary>How <c>facts</c> is split (<see cref="HubStorageOptions.SplitTables"/>).</summary>
    internal TableSplit FactsSplit { get; }

    /// <summary>How <c>candidates</c> is split, into as many tables as <c>facts</c>.</summary>
    internal TableSplit CandidatesSplit { get; }

    /// <summary>Every table <c>facts</c> is split into, in partition order; <see cref="Facts"/> is the first.</summary>
    internal IReadOnlyList<TableClient> FactTables { get; }

    /// <summary>Every table <c>candidates</c> is split into, in partition order; <see cref="Candidates"/> is the first.</summary>
    internal IReadOnlyList<TableClient> CandidateTables { get; }

    /// <summary>The table of <c>facts</c> that holds <paramref name="partitionKey"/>.</summary>
    internal TableClient FactTableOf(string partitionKey) => FactTables[FactsSplit.TableOf(partitionKey)];

    /// <summary>How <c>residents</c> is split, into as many tables as <c>facts</c>, by street class (<see cref="TableSplit.Residents"/>).</summary>
    internal TableSplit ResidentsSplit { get; }

    /// <summary>Every table <c>residents</c> is split into; <see cref="Residents"/> is the first.</summary>
    internal IReadOnlyList<TableClient> ResidentTables { get; }

    /// <summary>The table of <c>residents</c> that holds <paramref name="partitionKey"/>.</summary>
    internal TableClient ResidentTableOf(string partitionKey) => ResidentTables[ResidentsSplit.TableOf(partitionKey)];

    /// <summary>The table of <c>candidates</c> that holds <paramref name="partitionKey"/>.</summary>
    internal TableClient CandidateTableOf(string partitionKey) => CandidateTables[CandidatesSplit.TableOf(partitionKey)];

    /// <summary>The resident index: golden persons by street, community and grid, with what candidate search scores.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Residents { get; }

    /// <summary>Possible matches waiting for a data steward.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Reviews { get; }

    /// <summary>The candidate index: a row, or a few, per hashed blocking key, naming the persons filed under it with their match records.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Candidates { get; }

    /// <summary>Feed batches and the content index that makes pushes idempotent.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Batches { get; }

    /// <summary>The audit hash chain: one partition per day, events and the chain head.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Audit { get; }

    /// <summary>The audit index by person, derived from the chain: who looked at a person, without reading the whole chain.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient AuditByPerson { get; }

    /// <summary>Break-glass grants: one row per person and user, read on every person look while it lasts.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Grants { get; }

    /// <summary>Change events: staged per batch, then published in a feed partitioned by sequence block.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Events { get; }

    /// <summary>Subscriptions to the change feed, partitioned by the subscriber's subject.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Subscriptions { get; }

    /// <summary>Push delivery: per subscription its delivery state and its dead letters.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Deliveries { get; }
    /// <summary>The cross-department checks' worklist: items by person, indexed by owning department and by street.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Worklist { get; }

    /// <summary>Residents' correction requests.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient Corrections { get; }

    /// <summary>A pepper rotation's map of each old person key to its new one (and back), and how far the rotation has come.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableClient KeyMap { get; }

    /// <summary>The division registry's files.</summary>
    internal BlobContainerClient Divisions { get; }

    /// <summary>Audit checkpoints (Merkle roots over ranges of the chain); write-once (WORM) in Azure.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal BlobContainerClient AuditCheckpoints { get; }

    /// <summary>The raw payload of every feed, kept so it can be replayed.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal BlobContainerClient FeedArchive { get; }

    /// <summary>Full rejection reports, one CSV per batch.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal BlobContainerClient Rejects { get; }

    /// <summary>Large feeds as departments upload them.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal BlobContainerClient FeedUploads { get; }

    /// <summary>Batches waiting to be processed.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal QueueClient FeedBatchQueue { get; }

    /// <summary>Batch messages that failed every attempt.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal QueueClient FeedBatchPoisonQueue { get; }

    /// <summary>Requests to push a subscription's pending events.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal QueueClient PushDeliveryQueue { get; }

    /// <summary>Push requests whose handling failed every attempt (the Hub's own failures; an endpoint's are retried by the state).</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal QueueClient PushDeliveryPoisonQueue { get; }

    /// <summary>The account-level table client.</summary>
    /// <remarks>The raw SDK client, for tests that reach under the Hub (to tamper with a row, say); the Hub itself uses the wrappers above.</remarks>
    internal TableServiceClient ServiceTables { get; }

    /// <summary>The queue <paramref name="name"/> (without the name prefix), e.g. for a trigger that polls it by name.</summary>
    public WorkQueue QueueNamed(string name) => new(_queues.GetQueueClient(_prefix + name));

    /// <summary>
    /// Null when the rows of <c>facts</c>, <c>candidates</c> and <c>residents</c> lie where the configured
    /// <see cref="HubStorageOptions.SplitTables"/> looks for them (an empty store always does), else what is wrong and
    /// what to set: a Hub must not start on a store written with another split. For each of the three, one listing of
    /// its tables and a single-row query to each that exists (for <c>residents</c>, up to
    /// <see cref="SplitCheck.PartitionsProbed"/>).
    /// </summary>
    public async Task<string?> FindSplitMismatchAsync(CancellationToken cancellationToken = default) =>
        await SplitCheck.FindMismatchAsync(ServiceTables, _prefix, FactsSplit, cancellationToken).ConfigureAwait(false)
        ?? await SplitCheck.FindMismatchAsync(ServiceTables, _prefix, CandidatesSplit, cancellationToken).ConfigureAwait(false)
        ?? await SplitCheck.FindMismatchAsync(ServiceTables, _prefix, ResidentsSplit, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Spreads <c>residents</c> over its split when the store was written with it whole (by a Hub from before it was
    /// split on the emulator): its first table holds partitions of other tables and no other table holds a row. The
    /// number of rows moved; 0 when there was nothing to spread. Run at start-up, before anything reads the index.
    /// </summary>
    public async Task<int> SpreadResidentsAsync(CancellationToken cancellationToken = default)
    {
        if (ResidentsSplit.Count == 1 || !await SplitCheck.HoldsForeignPartitionAsync(Residents, ResidentsSplit, 0, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        foreach (var table in ResidentTables.Skip(1))
        {
            if (await SplitCheck.HoldsAnyAsync(table, cancellationToken).ConfigureAwait(false))
            {
                // Written with another split, not whole: the split check says so.
                return 0;
            }
        }

        return await SplitSpread.SpreadAsync(ResidentTables, ResidentsSplit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates whatever does not exist yet; safe to call on every start.</summary>
    /// <returns>
    /// True when everything exists now; false when storage refused to create (403): in Azure the infrastructure
    /// template creates them and the Hub's identity may hold only data roles.
    /// </returns>
    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await CreateAllAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            return false;
        }
    }

    private Task CreateAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(
            Task.WhenAll(FactTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken))),
            Batches.CreateIfNotExistsAsync(cancellationToken),
            Task.WhenAll(ResidentTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken))),
            Reviews.CreateIfNotExistsAsync(cancellationToken),
            Task.WhenAll(CandidateTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken))),
            Audit.CreateIfNotExistsAsync(cancellationToken),
            AuditByPerson.CreateIfNotExistsAsync(cancellationToken),
            Grants.CreateIfNotExistsAsync(cancellationToken),
            Events.CreateIfNotExistsAsync(cancellationToken),
            Subscriptions.CreateIfNotExistsAsync(cancellationToken),
            Deliveries.CreateIfNotExistsAsync(cancellationToken),
            Worklist.CreateIfNotExistsAsync(cancellationToken),
            Corrections.CreateIfNotExistsAsync(cancellationToken),
            KeyMap.CreateIfNotExistsAsync(cancellationToken),
            AuditCheckpoints.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedArchive.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Rejects.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Divisions.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedUploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedBatchQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedBatchPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            PushDeliveryQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            PushDeliveryPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
}
