using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;

namespace Hub.Core.Tests.Feeds.Processing;

public sealed class SnapshotGuardTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(90, 10, 0.1)]
    [InlineData(50, 50, 0.5)]
    [InlineData(100, 0, 0)]
    public void A_snapshot_ending_at_most_the_allowed_share_of_current_records_is_applied(long kept, long ended, double share) =>
        Assert.Null(SnapshotGuard.Check(kept, kept, new BatchCounts { Unchanged = kept, EndDated = ended }, share, Now));

    [Theory]
    [InlineData(89, 11, 0.1)]
    [InlineData(99, 1, 0)]
    [InlineData(1, 99, 0.5)]
    public void A_snapshot_ending_more_than_the_allowed_share_is_held_with_its_numbers(long kept, long ended, double share)
    {
        var hold = SnapshotGuard.Check(kept, kept, new BatchCounts { Updated = kept, EndDated = ended }, share, Now);

        Assert.NotNull(hold);
        Assert.Equal((ended, kept + ended, share, Now), (hold.WouldEndDate, hold.CurrentRecords, hold.AllowedShare, hold.HeldAt));
        Assert.Contains($"{ended} of the source's {kept + ended} current records", hold.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "read no rows")]
    [InlineData(40, "read 40 rows and rejected every one")]
    public void A_snapshot_without_an_accepted_row_is_held_whatever_the_share(long received, string said)
    {
        var hold = SnapshotGuard.Check(received, 0, new BatchCounts { EndDated = 3 }, allowedShare: 1, Now);

        Assert.NotNull(hold);
        Assert.Contains(said, hold.Reason, StringComparison.Ordinal);
        Assert.Equal(3, hold.WouldEndDate);
    }

    [Theory]
    [InlineData(20, 20)]
    [InlineData(0, 0)]
    public void A_snapshot_that_ends_nothing_is_applied_even_a_first_or_an_empty_one(long received, long accepted) =>
        Assert.Null(SnapshotGuard.Check(received, accepted, new BatchCounts { Inserted = accepted }, 0, Now));
}
