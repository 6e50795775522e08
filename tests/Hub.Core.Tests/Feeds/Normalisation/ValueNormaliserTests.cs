using Hub.Core.Feeds.Normalisation;

namespace Hub.Core.Tests.Feeds.Normalisation;

public sealed class ValueNormaliserTests
{
    private static readonly DateOnly SecondOfJanuary1990 = new(1990, 1, 2);

    [Theory]
    [InlineData("1990-01-02")]
    [InlineData("1990-1-2")]
    [InlineData("1990/1/2")]
    [InlineData("1990/01/02")]
    [InlineData("19900102")]
    [InlineData("1990年1月2日")]
    [InlineData("1990年01月02日")]
    [InlineData("1990.1.2")]
    [InlineData("1990.01.02")]
    [InlineData(" 1990-01-02 ")]
    [InlineData("１９９０－０１－０２")]
    [InlineData("１９９０年１月２日")]
    public void Spreadsheet_spellings_of_a_date_are_read(string raw)
    {
        Assert.True(ValueNormaliser.TryDate(raw, [], out var date, out var reason), reason);

        Assert.Equal(SecondOfJanuary1990, date);
    }

    [Theory]
    [InlineData("1990-01-02 00:00:00")]
    [InlineData("1990-1-2 8:30:15")]
    [InlineData("1990/1/2 8:30:15")]
    [InlineData("1990/1/2 8:30")]
    [InlineData("1990-01-02T08:30:00")]
    public void Date_with_a_time_suffix_keeps_its_date(string raw)
    {
        Assert.True(ValueNormaliser.TryDate(raw, [], out var date, out var reason), reason);

        Assert.Equal(SecondOfJanuary1990, date);
    }

    [Fact]
    public void Excel_serial_number_is_read_as_days_since_1899_12_30()
    {
        var expected = new DateOnly(1899, 12, 30).AddDays(32875);

        Assert.True(ValueNormaliser.TryDate("32875", [], out var date, out var reason), reason);

        Assert.Equal(SecondOfJanuary1990, expected);
        Assert.Equal(expected, date);
    }

    [Theory]
    [InlineData("45292", 2024, 1, 1)]
    [InlineData("10000", 1927, 5, 18)]
    [InlineData("３２８７５", 1990, 1, 2)]
    public void Other_excel_serial_numbers_are_read(string raw, int year, int month, int day)
    {
        Assert.True(ValueNormaliser.TryDate(raw, [], out var date, out var reason), reason);

        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Mapping_date_formats_are_tried_as_well()
    {
        Assert.False(ValueNormaliser.TryDate("02|01|1990", [], out _, out _));

        Assert.True(ValueNormaliser.TryDate("02|01|1990", ["dd|MM|yyyy"], out var date, out var reason), reason);

        Assert.Equal(SecondOfJanuary1990, date);
    }

    [Theory]
    [InlineData("1990-13-01")]
    [InlineData("1990-02-30")]
    [InlineData("1900年2月29日")]
    [InlineData("19901302")]
    [InlineData("02/01/1990")]
    [InlineData("not a date")]
    [InlineData("张三")]
    [InlineData("1987")]
    [InlineData("9999")]
    [InlineData("123456")]
    [InlineData("1.5")]
    public void Unparseable_date_is_rejected_with_a_reason_that_does_not_quote_it(string raw)
    {
        var parsed = ValueNormaliser.TryDate(raw, [], out var date, out var reason);

        Assert.False(parsed);
        Assert.Equal(default, date);
        Assert.NotNull(reason);
        Assert.Contains("not in a recognised form", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void Empty_date_is_rejected_as_empty(string? raw)
    {
        var parsed = ValueNormaliser.TryDate(raw, [], out _, out var reason);

        Assert.False(parsed);
        Assert.Equal("date is empty", reason);
    }

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("86 13800138000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("(+86) 199-1234-5678", "19912345678")]
    [InlineData("１３８００１３８０００", "13800138000")]
    public void Mobile_numbers_are_normalised_to_11_digits(string raw, string expected)
    {
        Assert.True(ValueNormaliser.TryPhone(raw, out var phone, out var reason), reason);

        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("010-12345678", "01012345678")]
    [InlineData("(010) 1234 5678", "01012345678")]
    [InlineData("0755-1234567", "07551234567")]
    [InlineData("0755-12345678", "075512345678")]
    [InlineData("０１０－１２３４５６７８", "01012345678")]
    public void Landline_numbers_keep_their_area_code(string raw, string expected)
    {
        Assert.True(ValueNormaliser.TryPhone(raw, out var phone, out var reason), reason);

        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("12800138000")]
    [InlineData("23800138000")]
    [InlineData("010-123456")]
    [InlineData("8613800138000123")]
    public void Number_that_is_neither_mobile_nor_landline_is_rejected(string raw)
    {
        var parsed = ValueNormaliser.TryPhone(raw, out var phone, out var reason);

        Assert.False(parsed);
        Assert.Null(phone);
        Assert.Equal("phone is neither an 11-digit mobile number nor a landline with its area code", reason);
    }

    [Theory]
    [InlineData("138-0013-800a")]
    [InlineData("138 0013 8000 转 123")]
    [InlineData("13800138000/13900139000")]
    public void Phone_with_other_characters_is_rejected_without_quoting_it(string raw)
    {
        var parsed = ValueNormaliser.TryPhone(raw, out _, out var reason);

        Assert.False(parsed);
        Assert.Equal("phone contains characters other than digits", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Empty_phone_is_rejected_as_empty(string? raw)
    {
        var parsed = ValueNormaliser.TryPhone(raw, out _, out var reason);

        Assert.False(parsed);
        Assert.Equal("phone is empty", reason);
    }

    [Theory]
    [InlineData("张 三", "张三")]
    [InlineData("张\u3000三", "张三")]
    [InlineData(" 欧阳  娜娜 ", "欧阳娜娜")]
    [InlineData("阿卜杜拉 · 买买提", "阿卜杜拉·买买提")]
    [InlineData("John  Smith", "John Smith")]
    [InlineData("ＪＯＨＮ\u3000ＳＭＩＴＨ", "JOHN SMITH")]
    [InlineData("张三 John", "张三 John")]
    public void Name_removes_spaces_between_chinese_characters_only(string raw, string expected)
    {
        var name = ValueNormaliser.Name(raw);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("Flat 3,  Block B", "Flat 3, Block B")]
    [InlineData(" John\tSmith\r\n", "John Smith")]
    [InlineData("张 三", "张 三")]
    [InlineData("朝阳区  幸福里 1号", "朝阳区 幸福里 1号")]
    public void Text_keeps_single_spaces(string raw, string expected)
    {
        var text = ValueNormaliser.Text(raw);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("（备注）", "(备注)")]
    [InlineData("幸福里１号楼\u3000２单元", "幸福里1号楼 2单元")]
    [InlineData("ｇｒｉｄ－０７", "grid-07")]
    public void Full_width_text_is_normalised(string raw, string expected)
    {
        var text = ValueNormaliser.Text(raw);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\u3000")]
    public void Blank_text_and_name_are_null(string? raw)
    {
        Assert.Null(ValueNormaliser.Text(raw));
        Assert.Null(ValueNormaliser.Name(raw));
    }

    [Theory]
    [InlineData("1300", 1300)]
    [InlineData("1,300", 1300)]
    [InlineData("1,300.50元", 1300.5)]
    [InlineData("１，３００", 1300)]
    [InlineData(" 980 元", 980)]
    [InlineData("-12.5", -12.5)]
    public void Decimals_accept_thousands_separators_and_a_trailing_yuan(string raw, double expected)
    {
        Assert.True(ValueNormaliser.TryDecimal(raw, out var value));

        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("¥1300")]
    public void Text_that_is_not_a_decimal_is_refused(string? raw)
    {
        Assert.False(ValueNormaliser.TryDecimal(raw, out _));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("1,000", 1000)]
    [InlineData("３", 3)]
    public void Whole_numbers_accept_thousands_separators(string raw, long expected)
    {
        Assert.True(ValueNormaliser.TryInteger(raw, out var value));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("三")]
    [InlineData("3人")]
    public void Text_that_is_not_a_whole_number_is_refused(string raw)
    {
        Assert.False(ValueNormaliser.TryInteger(raw, out _));
    }
}
