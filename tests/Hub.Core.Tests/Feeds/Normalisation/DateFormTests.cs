using System.Globalization;
using Hub.Core.Feeds.Normalisation;

namespace Hub.Core.Tests.Feeds.Normalisation;

public sealed class DateFormTests
{
    [Theory]
    [InlineData("1990-01-02", "yyyy-MM-dd")]
    [InlineData("1990/1/2", "yyyy/M/d")]
    [InlineData("19900102", "yyyyMMdd")]
    [InlineData("1990年1月2日", "yyyy年M月d日")]
    [InlineData("32875", ValueNormaliser.ExcelSerialForm)]
    public void The_form_a_date_is_read_in_is_named(string raw, string form)
    {
        var named = ValueNormaliser.DateForm(raw, [], out var date);

        Assert.Equal(form, named);
        Assert.Equal(new DateOnly(1990, 1, 2), date);
    }

    [Fact]
    public void A_mapping_format_is_named_before_the_built_in_ones()
    {
        Assert.Equal("yyyy.MM.dd", ValueNormaliser.DateForm("1990.01.02", ["yyyy.MM.dd"], out _));
        Assert.Equal("yyyy.M.d", ValueNormaliser.DateForm("1990.01.02", [], out _));
    }

    [Theory]
    [InlineData("不详")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1990-13-01")]
    public void A_value_that_is_no_date_has_no_form(string? raw)
    {
        Assert.Null(ValueNormaliser.DateForm(raw, [], out _));
        Assert.False(ValueNormaliser.TryDate(raw, [], out _, out _));
    }

    [Fact]
    public void Each_built_in_form_reads_a_date_written_in_it()
    {
        var written = new DateTime(1990, 1, 2, 8, 30, 0, DateTimeKind.Unspecified);

        var read = ValueNormaliser.DateFormats.Select(f => (Form: ValueNormaliser.DateForm(written.ToString(f, CultureInfo.InvariantCulture), [], out var date), Date: date)).ToList();

        Assert.Contains("yyyy-MM-dd", ValueNormaliser.DateFormats);
        Assert.All(read, r => Assert.Equal(new DateOnly(1990, 1, 2), r.Date));
        Assert.All(read, r => Assert.Contains(r.Form, ValueNormaliser.DateFormats));
    }
}
