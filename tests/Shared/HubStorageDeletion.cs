using Hub.Core.Storage;

namespace Hub.Tests.Shared;

/// <summary>Deletes every table, container and queue a <see cref="HubStorage"/> names: what a test or benchmark made under its own name prefix.</summary>
internal static class HubStorageDeletion
{
    public static Task DeleteAllAsync(this HubStorage storage) => Task.WhenAll(
        Task.WhenAll(storage.FactTables.Select(t => t.DeleteAsync())),
        Task.WhenAll(storage.CandidateTables.Select(t => t.DeleteAsync())),
        storage.Batches.DeleteAsync(),
        storage.DeleteResidentsAsync(),
        storage.Reviews.DeleteAsync(),
        storage.Audit.DeleteAsync(),
        storage.AuditByPerson.DeleteAsync(),
        storage.Grants.DeleteAsync(),
        storage.Worklist.DeleteAsync(),
        storage.AuditCheckpoints.DeleteIfExistsAsync(),
        storage.FeedArchive.DeleteIfExistsAsync(),
        storage.Rejects.DeleteIfExistsAsync(),
        storage.FeedUploads.DeleteIfExistsAsync(),
        storage.FeedBatchQueue.DeleteIfExistsAsync(),
        storage.FeedBatchPoisonQueue.DeleteIfExistsAsync());

    /// <summary>Deletes every table <c>residents</c> is split into: a derived index a test drops to see it rebuilt, or leaves behind.</summary>
    public static Task DeleteResidentsAsync(this HubStorage storage) => Task.WhenAll(storage.ResidentTables.Select(t => t.DeleteAsync()));
}
