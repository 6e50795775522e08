using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class TransactionResultTests
{
    [Theory]
    [InlineData(WriteOutcome.Missing, 404)]
    [InlineData(WriteOutcome.AlreadyExists, 409)]
    [InlineData(WriteOutcome.Changed, 412)]
    public void A_refused_transaction_that_had_to_be_written_throws_a_storage_failure_with_the_status_storage_answered(WriteOutcome outcome, int expected)
    {
        var result = new TransactionResult(outcome, 2, []);

        var thrown = Assert.ThrowsAny<Exception>(result.ThrowIfNotWritten);

        Assert.True(StorageFailures.IsStorageFailure(thrown, out var status));
        Assert.Equal(expected, status);
        Assert.Equal($"storage request failed: {expected} {outcome}", StorageFailures.Describe(thrown));
    }

    [Fact]
    public void A_written_transaction_throws_nothing()
    {
        var result = new TransactionResult(WriteOutcome.Written, null, [new EntityVersion("W/\"1\"")]);

        result.ThrowIfNotWritten();

        Assert.True(result.IsWritten);
    }
}
