using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class TableSplitTests
{
    [Theory]
    [InlineData("p000", 16, 0)]
    [InlineData("p03f", 16, 0)]
    [InlineData("p040", 16, 1)]
    [InlineData("p3ff", 16, 15)]
    [InlineData("p200", 2, 1)]
    [InlineData("p1ff", 2, 0)]
    [InlineData("p3ff", 1, 0)]
    public void A_person_partition_lies_in_the_table_of_its_sixteenth(string partition, int tables, int expected) =>
        Assert.Equal(expected, TableSplit.Facts(tables).TableOf(partition));

    [Theory]
    [InlineData("")]
    [InlineData("p")]
    [InlineData("p0000")]
    [InlineData("pzzz")]
    [InlineData("p400")]
    [InlineData("layout")]
    public void A_partition_that_is_not_a_persons_stays_in_the_first_table(string partition) =>
        Assert.Equal(0, TableSplit.Facts(16).TableOf(partition));

    [Fact]
    public void Reading_the_tables_in_order_reads_the_partitions_in_key_order()
    {
        var partitions = Enumerable.Range(0, PersonKey.PartitionCount).Select(PersonKey.FormatPartition).ToList();

        var split = TableSplit.Facts(16);

        var tables = partitions.Select(split.TableOf).ToList();

        Assert.Equal(tables.Order(), tables);
        Assert.All(Enumerable.Range(0, 16), t => Assert.Equal(64, tables.Count(x => x == t)));
        Assert.All(Enumerable.Range(0, 16), t => Assert.Equal(t, split.TableOf(split.FirstPartitionOf(t))));
        Assert.Equal("p400", split.FirstPartitionOf(16));
    }

    [Fact]
    public void Each_candidate_partition_has_a_table_of_its_own_among_sixteen_and_shares_among_fewer()
    {
        var partitions = "0123456789abcdef".Select(d => $"c{d}").ToList();

        Assert.Equal(Enumerable.Range(0, 16), partitions.Select(TableSplit.Candidates(16).TableOf));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], partitions.Select(TableSplit.Candidates(4).TableOf));
        Assert.Equal(0, TableSplit.Candidates(16).TableOf("cF"));
        Assert.Equal(0, TableSplit.Candidates(16).TableOf("p123"));
        var halves = TableSplit.Candidates(2);
        Assert.Equal(["c0", "c8", "cg"], [halves.FirstPartitionOf(0), halves.FirstPartitionOf(1), halves.FirstPartitionOf(2)]);
        Assert.True(string.CompareOrdinal("cf", "cg") < 0);
    }

    [Theory]
    [InlineData("110105000", 16, 8)]
    [InlineData("110105001", 16, 9)]
    [InlineData("110105021", 16, 13)]
    [InlineData("110105021", 4, 3)]
    [InlineData("110105021", 1, 0)]
    [InlineData("p00", 16, 0)]
    [InlineData("p1a", 16, 10)]
    [InlineData("pff", 16, 15)]
    [InlineData("pff", 2, 1)]
    public void A_residents_partition_lies_in_the_table_of_its_number_modulo_sixteen(string partition, int tables, int expected) =>
        Assert.Equal(expected, TableSplit.Residents(tables).TableOf(partition));

    [Theory]
    [InlineData("")]
    [InlineData("11010500")]
    [InlineData("1101050011")]
    [InlineData("11010500x")]
    [InlineData("p0")]
    [InlineData("pFF")]
    [InlineData("p0g")]
    [InlineData("c5")]
    public void A_partition_that_is_not_a_street_or_a_provisional_search_stays_in_the_first_residents_table(string partition) =>
        Assert.Equal(0, TableSplit.Residents(16).TableOf(partition));

    [Fact]
    public void A_districts_streets_spread_evenly_over_the_residents_tables_out_of_key_order()
    {
        var split = TableSplit.Residents(16);
        var streets = Enumerable.Range(1, 64).Select(n => $"110105{n:d3}").ToList();

        var tables = streets.Select(split.TableOf).ToList();

        Assert.False(split.IsKeyOrdered);
        Assert.True(TableSplit.Facts(16).IsKeyOrdered);
        Assert.All(Enumerable.Range(0, 16), t => Assert.Equal(4, tables.Count(x => x == t)));
        Assert.NotEqual(tables.Order(), tables);
        Assert.Throws<InvalidOperationException>(() => split.FirstPartitionOf(1));
        Assert.Equal("t1residents", TableSplit.LogicalName("t1residents03"));
        Assert.Equal("t1residents03", split.TableName("t1", 3));
    }

    [Fact]
    public void The_first_table_keeps_its_name_and_the_others_add_two_digits_which_counting_takes_off()
    {
        Assert.Equal("t1facts", TableSplit.Facts(16).TableName("t1", 0));
        Assert.Equal("t1facts07", TableSplit.Facts(16).TableName("t1", 7));
        Assert.Equal("t1candidates15", TableSplit.Candidates(16).TableName("t1", 15));
        Assert.Equal("t1facts", TableSplit.LogicalName("t1facts07"));
        Assert.Equal("t1candidates", TableSplit.LogicalName("t1candidates15"));
        Assert.Equal("t1facts", TableSplit.LogicalName("t1facts"));
        Assert.Equal("grants12x", TableSplit.LogicalName("grants12x"));
        Assert.Equal("audit12", TableSplit.LogicalName("audit12"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(16, true)]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(32, false)]
    public void A_split_has_a_power_of_two_tables_up_to_sixteen(int count, bool valid)
    {
        Assert.Equal(valid, TableSplit.IsValidCount(count));
        if (!valid)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => TableSplit.Facts(count));
        }
    }
}
