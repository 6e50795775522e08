using Azure;
using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class StorageFailuresTests
{
    [Fact]
    public void A_refused_storage_request_is_a_storage_failure_with_its_status()
    {
        var found = StorageFailures.IsStorageFailure(new RequestFailedException(503, "Server busy"), out var status);

        Assert.True(found);
        Assert.Equal(503, status);
    }

    [Fact]
    public void A_storage_failure_wrapped_alone_in_an_aggregate_is_still_one()
    {
        var found = StorageFailures.IsStorageFailure(new AggregateException(new RequestFailedException(500, "Internal")), out var status);

        Assert.True(found);
        Assert.Equal(500, status);
    }

    [Fact]
    public void Any_other_fault_is_not_a_storage_failure()
    {
        var found = StorageFailures.IsStorageFailure(new InvalidOperationException("bug"), out var status);

        Assert.False(found);
        Assert.Equal(0, status);
    }
}
