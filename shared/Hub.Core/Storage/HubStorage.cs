using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Hub.Core.Storage;

/// <summary>The Hub's tables, containers and queues, named once.</summary>
public sealed class HubStorage
{
    /// <summary>Creates the named clients from the account-level clients.</summary>
    public HubStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IOptions<HubStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.Value.NamePrefix;
        Facts = tables.GetTableClient($"{prefix}facts");
        Batches = tables.GetTableClient($"{prefix}batches");
        Residents = tables.GetTableClient($"{prefix}residents");
        Reviews = tables.GetTableClient($"{prefix}reviews");
        Audit = tables.GetTableClient($"{prefix}audit");
        AuditByPerson = tables.GetTableClient($"{prefix}auditbyperson");
        Grants = tables.GetTableClient($"{prefix}grants");
        FeedArchive = blobs.GetBlobContainerClient($"{prefix}feeds");
        Rejects = blobs.GetBlobContainerClient($"{prefix}rejects");
        AuditCheckpoints = blobs.GetBlobContainerClient($"{prefix}auditcheckpoints");
        FeedBatchQueue = queues.GetQueueClient($"{prefix}{QueueNames.FeedBatches}");
        FeedBatchPoisonQueue = queues.GetQueueClient($"{prefix}{QueueNames.FeedBatches}-poison");
        ServiceTables = tables;
    }

    /// <summary>Facts, one entity per source record, and each person's resolution rows; partitioned by person key.</summary>
    public TableClient Facts { get; }

    /// <summary>The resident index: golden persons by street, community and grid, with what candidate search scores.</summary>
    public TableClient Residents { get; }

    /// <summary>Possible matches waiting for a data steward.</summary>
    public TableClient Reviews { get; }

    /// <summary>Feed batches and the content index that makes pushes idempotent.</summary>
    public TableClient Batches { get; }

    /// <summary>The audit hash chain: one partition per day, events and the chain head.</summary>
    public TableClient Audit { get; }

    /// <summary>The audit index by person, derived from the chain: who looked at a person, without reading the whole chain.</summary>
    public TableClient AuditByPerson { get; }

    /// <summary>Break-glass grants: one row per person and user, read on every person look while it lasts.</summary>
    public TableClient Grants { get; }

    /// <summary>Audit checkpoints (Merkle roots over ranges of the chain); write-once (WORM) in Azure.</summary>
    public BlobContainerClient AuditCheckpoints { get; }

    /// <summary>The raw payload of every feed, kept so it can be replayed.</summary>
    public BlobContainerClient FeedArchive { get; }

    /// <summary>Full rejection reports, one CSV per batch.</summary>
    public BlobContainerClient Rejects { get; }

    /// <summary>Batches waiting to be processed.</summary>
    public QueueClient FeedBatchQueue { get; }

    /// <summary>Batch messages that failed every attempt.</summary>
    public QueueClient FeedBatchPoisonQueue { get; }

    /// <summary>The account-level table client, for health checks.</summary>
    public TableServiceClient ServiceTables { get; }

    /// <summary>Creates whatever does not exist yet; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            Facts.CreateIfNotExistsAsync(cancellationToken),
            Batches.CreateIfNotExistsAsync(cancellationToken),
            Residents.CreateIfNotExistsAsync(cancellationToken),
            Reviews.CreateIfNotExistsAsync(cancellationToken),
            Audit.CreateIfNotExistsAsync(cancellationToken),
            AuditByPerson.CreateIfNotExistsAsync(cancellationToken),
            Grants.CreateIfNotExistsAsync(cancellationToken),
            AuditCheckpoints.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedArchive.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Rejects.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedBatchQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            FeedBatchPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
