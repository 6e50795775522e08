using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class FactTableLayoutTests
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
        Assert.Equal(expected, FactTableLayout.TableOf(partition, tables));

    [Theory]
    [InlineData("")]
    [InlineData("p")]
    [InlineData("p0000")]
    [InlineData("pzzz")]
    [InlineData("p400")]
    [InlineData("layout")]
    public void A_partition_that_is_not_a_persons_stays_in_the_first_table(string partition) =>
        Assert.Equal(0, FactTableLayout.TableOf(partition, 16));

    [Fact]
    public void Reading_the_tables_in_order_reads_the_partitions_in_key_order()
    {
        var partitions = Enumerable.Range(0, PersonKey.PartitionCount).Select(PersonKey.FormatPartition).ToList();

        var tables = partitions.Select(p => FactTableLayout.TableOf(p, 16)).ToList();

        Assert.Equal(tables.Order(), tables);
        Assert.All(Enumerable.Range(0, 16), t => Assert.Equal(64, tables.Count(x => x == t)));
        Assert.All(Enumerable.Range(0, 16), t => Assert.Equal(t, FactTableLayout.TableOf(FactTableLayout.FirstPartitionOf(t, 16), 16)));
    }

    [Fact]
    public void The_first_table_keeps_its_name_and_the_others_add_two_digits_which_counting_takes_off()
    {
        Assert.Equal("t1facts", FactTableLayout.TableName("t1", 0));
        Assert.Equal("t1facts07", FactTableLayout.TableName("t1", 7));
        Assert.Equal("t1facts", FactTableLayout.LogicalName("t1facts07"));
        Assert.Equal("t1facts", FactTableLayout.LogicalName("t1facts"));
        Assert.Equal("grants12x", FactTableLayout.LogicalName("grants12x"));
        Assert.Equal("audit12", FactTableLayout.LogicalName("audit12"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(16, true)]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(32, false)]
    public void A_layout_has_a_power_of_two_tables_up_to_sixteen(int count, bool valid) =>
        Assert.Equal(valid, FactTableLayout.IsValidCount(count));
}
