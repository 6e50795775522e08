using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Hub.Core.Audit;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Audit;

/// <summary>
/// The audit store alone against Azurite, with its own names and its own operation counter (no Hub polling
/// queues beside it), so storage operations per event are measured exactly, in all and table by table.
/// </summary>
internal sealed class AuditTestStorage : IAsyncDisposable
{
    private AuditTestStorage(HubStorage storage, StorageOperationCounter operations, TableRequestLog requests)
    {
        Storage = storage;
        Operations = operations;
        Requests = requests;
    }

    public HubStorage Storage { get; }

    public StorageOperationCounter Operations { get; }

    public TableRequestLog Requests { get; }

    public static async Task<AuditTestStorage> CreateAsync(AzuriteFixture azurite)
    {
        var operations = new StorageOperationCounter();
        var requests = new TableRequestLog();
        var tableOptions = Counted(new TableClientOptions(), operations);
        tableOptions.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var storage = new HubStorage(
            new TableServiceClient(azurite.ConnectionString, tableOptions),
            new BlobServiceClient(azurite.ConnectionString, Counted(new BlobClientOptions(), operations)),
            new QueueServiceClient(azurite.ConnectionString),
            Options.Create(new HubStorageOptions { NamePrefix = AzuriteFixture.UniquePrefix() }));
        await Task.WhenAll(storage.Audit.CreateIfNotExistsAsync(), storage.AuditByPerson.CreateIfNotExistsAsync(), storage.AuditCheckpoints.CreateIfNotExistsAsync());
        return new AuditTestStorage(storage, operations, requests);
    }

    public AuditLog CreateLog(TimeProvider? time = null) => new(Storage, time ?? TimeProvider.System, Options.Create(new AuditOptions()), NullLogger<AuditLog>.Instance);

    public AuditCheckpointWriter CreateCheckpointWriter(int every, TimeProvider? time = null) =>
        new(Storage, time ?? TimeProvider.System, Options.Create(new AuditOptions { CheckpointEvery = every }), NullLogger<AuditCheckpointWriter>.Instance);

    public static AuditEvent Read(int n, PersonKey? person = null, string user = "user-1", AuditOutcome outcome = AuditOutcome.Allowed, string? breakGlass = null) => new()
    {
        Actor = new AuditActor(user, "Hub.GridWorker", "110105003002", "console", "10.0.0.1"),
        Action = AuditAction.PersonRead,
        Resource = $"/api/persons/{n}",
        PersonKeys = person is { } key ? [key] : [],
        Fields = [new DisclosedField("name", Masked: true), new DisclosedField("residentId", Masked: true), new DisclosedField("assistanceType", Masked: false)],
        Purpose = "case-2025-001",
        BreakGlassReason = breakGlass,
        Outcome = outcome,
        RecordCount = 1,
        CorrelationId = $"trace-{n}",
    };

    /// <summary>A person key spread over the partitions like a real keyed hash.</summary>
    public static PersonKey Person(int n) => PersonKey.Parse(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n)))[..32]);

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Storage.Audit.DeleteAsync(), Storage.AuditByPerson.DeleteAsync(), Storage.AuditCheckpoints.DeleteIfExistsAsync());

    private static T Counted<T>(T options, StorageOperationCounter counter)
        where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }
}
