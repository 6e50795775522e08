using Hub.Core.Feeds.Processing;

namespace Hub.Core.Tests.Feeds.Processing;

public sealed class MergeGroupCountTests
{
    [Theory]
    [InlineData(0L, 16)]
    [InlineData(20L * 1024 * 1024, 16)]
    [InlineData(64L * 1024 * 1024, 16)]
    [InlineData(200L * 1024 * 1024, 64)]
    [InlineData(1024L * 1024 * 1024, 256)]
    [InlineData(100L * 1024 * 1024 * 1024, 256)]
    public void Larger_feeds_are_split_into_more_merge_groups_so_each_stays_small(long payloadBytes, int expected)
    {
        var groups = FeedProcessor.GroupCountFor(payloadBytes);

        Assert.Equal(expected, groups);
        Assert.Equal(0, 1024 % groups);
    }
}
