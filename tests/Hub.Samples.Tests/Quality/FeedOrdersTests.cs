using Hub.Samples.Quality;

namespace Hub.Samples.Tests.Quality;

public sealed class FeedOrdersTests
{
    [Fact]
    public void The_four_feeds_arrive_in_24_distinct_orders_the_given_one_first()
    {
        var orders = FeedOrders.Of(ShippedSources.Ids);

        Assert.Equal(24, orders.Count);
        Assert.Equal(24, orders.Select(o => string.Join('>', o)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(orders, o => Assert.Equal(ShippedSources.Ids.Order(StringComparer.Ordinal), o.Order(StringComparer.Ordinal)));
        Assert.Equal(ShippedSources.Ids, orders[0]);
        Assert.Equal(ShippedSources.Ids.Reverse(), orders[^1]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 6)]
    [InlineData(5, 120)]
    public void There_are_n_factorial_orders_of_n_feeds(int feeds, int orders)
    {
        var all = FeedOrders.Of([.. Enumerable.Range(0, feeds)]);

        Assert.Equal(orders, all.Count);
        Assert.Equal(orders, all.Select(o => string.Join(',', o)).Distinct(StringComparer.Ordinal).Count());
    }
}
