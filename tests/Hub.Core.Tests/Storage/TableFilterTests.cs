using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class TableFilterTests
{
    [Fact]
    public void A_string_value_is_quoted_with_its_quotes_doubled()
    {
        var filter = TableFilter.Of($"Name eq {"o'brien' or true or '"}");

        Assert.Equal("Name eq 'o''brien'' or true or '''", filter);
    }

    [Fact]
    public void Times_longs_and_booleans_are_written_as_their_literals()
    {
        var filter = TableFilter.Of($"Time ge {new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero)} and Sequence le {42L} and BreakGlass eq {true}");

        Assert.Equal("Time ge datetime'2025-03-01T08:00:00Z' and Sequence le 42L and BreakGlass eq true", filter);
    }
}
