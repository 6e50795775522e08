using Hub.Core.Storage;

namespace Hub.Core.Tests.Storage;

public sealed class MultiTableTokenTests
{
    [Fact]
    public void A_token_names_its_table_and_that_tables_own_token()
    {
        var token = MultiTableToken.After(3, "next p1 r2", 16);

        Assert.Equal((3, "next p1 r2"), MultiTableToken.Parse(token, 16));
    }

    [Fact]
    public void After_a_tables_last_page_the_next_table_starts_and_after_the_last_table_nothing_is_left()
    {
        Assert.Equal((4, null), MultiTableToken.Parse(MultiTableToken.After(3, null, 16), 16));
        Assert.Null(MultiTableToken.After(15, null, 16));
        Assert.Equal((0, null), MultiTableToken.Parse(null, 16));
    }

    [Theory]
    [InlineData("next p1 r2")]
    [InlineData(":x")]
    [InlineData("16:x")]
    [InlineData("-1:x")]
    public void A_token_this_query_did_not_make_is_refused(string token) =>
        Assert.Throws<ArgumentException>(() => MultiTableToken.Parse(token, 16));
}
