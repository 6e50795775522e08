using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Storage;

/// <summary>A <see cref="HubStorage"/> of its own against Azurite, everything created, and deleted afterwards.</summary>
internal sealed class StorageTestAccount : IAsyncDisposable
{
    private StorageTestAccount(HubStorage storage) => Storage = storage;

    public HubStorage Storage { get; }

    public static async Task<StorageTestAccount> CreateAsync(AzuriteFixture azurite)
    {
        var storage = new HubStorage(
            new TableServiceClient(azurite.ConnectionString),
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString),
            Options.Create(new HubStorageOptions { NamePrefix = AzuriteFixture.UniquePrefix() }));
        Assert.True(await storage.EnsureCreatedAsync());
        return new StorageTestAccount(storage);
    }

    public async ValueTask DisposeAsync() => await Storage.DeleteAllAsync();
}
