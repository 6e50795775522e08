using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class PartitionFilterTests
{
    [Fact]
    public void A_partition_and_its_row_range_reads_the_one_table_that_holds_the_partition()
    {
        var filter = TableFilter.Of($"PartitionKey eq {"p123"} and RowKey ge {"a"} and RowKey lt {"b"}");

        Assert.Equal(("p123", "p123"), PartitionFilter.Bounds(filter));
        Assert.Equal((4, 4), PartitionFilter.TablesFor(filter, TableSplit.Facts(16)));
    }

    [Fact]
    public void A_range_of_partitions_reads_the_tables_from_its_first_to_its_last()
    {
        var filter = TableFilter.Of($"PartitionKey ge {"p040"} and PartitionKey le {"p0c1"}");

        Assert.Equal((1, 3), PartitionFilter.TablesFor(filter, TableSplit.Facts(16)));
        Assert.Equal((1, 3), PartitionFilter.TablesFor(TableFilter.Of($"PartitionKey ge {"p040"} and PartitionKey lt {"p0c1"}"), TableSplit.Facts(16)));
    }

    [Theory]
    [InlineData("PartitionKey eq 'p123' or Source eq 'police'")]
    [InlineData("PartitionKey eq 'p123' and RowKey eq 'a' or RowKey eq 'b'")]
    [InlineData("Source eq 'police'")]
    [InlineData("RowKey eq 'a' and PartitionKey eq 'p123'")]
    [InlineData("PartitionKey eq 'p123'x")]
    [InlineData("PartitionKey ge 'p000' and RowKey le 'p010'")]
    public void A_filter_that_lets_other_partitions_through_reads_every_table(string filter) =>
        Assert.Equal((0, 15), PartitionFilter.TablesFor(filter, TableSplit.Facts(16)));

    [Fact]
    public void A_candidate_partition_reads_its_own_table_and_a_range_of_them_the_tables_between()
    {
        Assert.Equal((10, 10), PartitionFilter.TablesFor("PartitionKey eq 'ca'", TableSplit.Candidates(16)));
        Assert.Equal((1, 3), PartitionFilter.TablesFor("PartitionKey ge 'c1' and PartitionKey le 'c3'", TableSplit.Candidates(16)));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge 'c1' and PartitionKey lt 'cg'", TableSplit.Candidates(16)));
    }

    [Fact]
    public void An_or_inside_parentheses_or_a_literal_keeps_the_partition()
    {
        Assert.Equal((4, 4), PartitionFilter.TablesFor("PartitionKey eq 'p123' and (RowKey eq 'a' or RowKey eq 'b')", TableSplit.Facts(16)));
        Assert.Equal((4, 4), PartitionFilter.TablesFor("PartitionKey eq 'p123' and Name eq 'x or y'", TableSplit.Facts(16)));
        Assert.Equal((4, 4), PartitionFilter.TablesFor("PartitionKey eq 'p123' and Name eq 'it''s or not'", TableSplit.Facts(16)));
    }

    [Fact]
    public void A_range_with_a_bound_that_is_not_a_person_partition_reads_every_table()
    {
        Assert.Equal((0, 0), PartitionFilter.TablesFor("PartitionKey eq 'layout'", TableSplit.Facts(16)));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge '' and PartitionKey lt 'p100'", TableSplit.Facts(16)));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge 'p100' and PartitionKey lt 'q'", TableSplit.Facts(16)));
        Assert.Equal((0, 0), PartitionFilter.TablesFor("PartitionKey eq 'p123'", TableSplit.Facts(1)));
    }

    [Fact]
    public void Over_residents_split_by_street_class_one_street_is_one_table_and_any_range_is_every_table()
    {
        var split = TableSplit.Residents(16);

        Assert.Equal((13, 13), PartitionFilter.TablesFor("PartitionKey eq '110105021' and RowKey lt '~'", split));
        Assert.Equal((10, 10), PartitionFilter.TablesFor("PartitionKey eq 'p1a' and (RowKey gt 'x|' and RowKey lt 'x}')", split));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge '110105' and PartitionKey lt '110106' and RowKey lt '~'", split));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge '110105001' and PartitionKey lt '110105002'", split));
        Assert.Equal((0, 15), PartitionFilter.TablesFor("PartitionKey ge 'p00' and PartitionKey lt 'q'", split));
    }
}
