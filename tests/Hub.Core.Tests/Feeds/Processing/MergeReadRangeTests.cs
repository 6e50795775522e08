using Hub.Core.Feeds.Processing;

namespace Hub.Core.Tests.Feeds.Processing;

public sealed class MergeReadRangeTests
{
    [Fact]
    public void A_group_that_fills_its_partitions_is_read_in_as_many_ranges_as_it_merges_in_parallel()
    {
        var ranges = GroupMerger.ReadRanges(Enumerable.Range(64, 64), 8).ToList();

        Assert.Equal(8, ranges.Count);
        Assert.Equal((64, 71), ranges[0]);
        Assert.Equal((120, 127), ranges[^1]);
        Assert.Equal(Enumerable.Range(64, 64), ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)));
    }

    [Fact]
    public void A_sparse_delta_is_read_partition_by_partition_so_no_untouched_partition_is_read()
    {
        int[] touched = [3, 17, 40, 41, 63];

        var ranges = GroupMerger.ReadRanges(touched, 2).ToList();

        Assert.All(ranges, r => Assert.Contains(r.First, touched));
        Assert.Equal(touched, ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)).Order());
    }

    [Fact]
    public void No_partitions_means_no_reads()
    {
        Assert.Empty(GroupMerger.ReadRanges([], 8));
    }
}
