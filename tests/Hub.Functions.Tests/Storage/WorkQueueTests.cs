using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Storage;

[Collection(AzuriteFixture.Collection)]
public sealed class WorkQueueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageTestAccount _account = null!;

    private WorkQueue Queue => _account.Storage.FeedBatches;

    public async Task InitializeAsync() => _account = await StorageTestAccount.CreateAsync(azurite);

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task A_sent_message_is_taken_once_while_hidden_and_deleted_when_done()
    {
        await Queue.SendAsync("batch-1");

        var taken = await Queue.ReceiveAsync(5, TimeSpan.FromMinutes(1));
        var meanwhile = await Queue.ReceiveAsync(5, TimeSpan.FromMinutes(1));
        var deleted = await Queue.DeleteAsync(taken[0].Id, taken[0].Receipt);

        Assert.Equal(("batch-1", 1L), (taken.Single().Text, taken[0].DequeueCount));
        Assert.Empty(meanwhile);
        Assert.True(deleted);
        Assert.True(await Queue.ExistsAsync());
    }

    [Fact]
    public async Task Hiding_a_message_issues_a_new_receipt_and_the_old_one_no_longer_deletes_it()
    {
        await Queue.SendAsync("batch-2");
        var taken = (await Queue.ReceiveAsync(1, TimeSpan.FromMinutes(1))).Single();

        var renewed = await Queue.HideAsync(taken.Id, taken.Receipt, TimeSpan.FromMinutes(1));
        var withOld = await Queue.DeleteAsync(taken.Id, taken.Receipt);
        var withNew = await Queue.DeleteAsync(taken.Id, renewed!);

        Assert.NotNull(renewed);
        Assert.False(withOld);
        Assert.True(withNew);
    }

    [Fact]
    public async Task A_queue_named_by_its_function_is_the_same_queue()
    {
        await _account.Storage.QueueNamed(QueueNames.FeedBatches).SendAsync("batch-3");

        var taken = await Queue.ReceiveAsync(1, TimeSpan.FromMinutes(1));

        Assert.Equal("batch-3", taken.Single().Text);
    }
}
