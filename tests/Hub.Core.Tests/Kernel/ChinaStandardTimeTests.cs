using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class ChinaStandardTimeTests
{
    [Theory]
    [InlineData("2026-01-14T15:59:59Z", 2026, 1, 14)]
    [InlineData("2026-01-14T16:00:00Z", 2026, 1, 15)]
    [InlineData("2026-07-01T15:30:00Z", 2026, 7, 1)]
    [InlineData("2026-07-01T16:30:00Z", 2026, 7, 2)]
    [InlineData("2026-01-15T00:30:00+08:00", 2026, 1, 15)]
    public void The_date_in_china_is_utc_plus_eight_all_year(string instant, int year, int month, int day)
    {
        var date = ChinaStandardTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, day), date);
    }
}
