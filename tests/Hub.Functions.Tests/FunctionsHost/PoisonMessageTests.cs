using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.FunctionsHost;

[Collection(AzuriteFixture.Collection)]
public sealed class PoisonMessageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_batch_that_fails_every_attempt_moves_to_the_poison_queue_and_is_marked_failed_with_the_reason()
    {
        // Arrange: one instance accepts the feed without processing it, then its archived payload disappears.
        string prefix;
        Uri location;
        await using (var intake = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" }) { DeleteStorageOnDispose = false })
        {
            prefix = intake.Prefix;
            using var pushed = await intake.CreatePublisherClient("civil-affairs").PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1, 2]), "text/csv");
            location = pushed.Headers.Location!;
            var batch = await pushed.ReadReportAsync();
            await intake.Storage.FeedArchive.DeleteBlobAsync($"civil-affairs/{batch.Id}");
        }

        // Act: a second instance with the local trigger runner picks the message up.
        await using var worker = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RetryDelay"] = "00:00:00.050" }, prefix);
        var report = await worker.CreatePublisherClient("civil-affairs").WaitForBatchAsync(location, TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("every attempt (5)", report.FailureReason, StringComparison.Ordinal);
        Assert.Contains("404", report.FailureReason, StringComparison.Ordinal);
        Assert.Null((await worker.Storage.FeedBatchQueue.PeekMessageAsync()).Value);
    }
}
