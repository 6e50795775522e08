using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class AddressCodesTests
{
    [Fact]
    public void The_embedded_table_holds_the_divisions_of_four_decades()
    {
        // About 2,900 counties and 340 prefectures today, and thousands more retired since 1980.
        Assert.InRange(AddressCodes.Count, 6500, 9000);
    }

    [Theory]
    [InlineData("110105", true)]
    [InlineData("132321", true)] // 束鹿县 of 石家庄地区, in the 1980 revision
    [InlineData("130171", true)] // a development zone the statistical division code lists, as IDs there may carry
    [InlineData("999999", false)]
    [InlineData("000000", false)]
    [InlineData("110000", false)]
    [InlineData("810000", false)]
    [InlineData("11010", false)]
    [InlineData("1101050", false)]
    [InlineData("11010X", false)]
    [InlineData("１１０１０５", false)]
    [InlineData("", false)]
    public void Only_six_ascii_digits_naming_a_division_are_contained(string code, bool contained)
    {
        Assert.Equal(contained, AddressCodes.Contains(code));
    }

    [Fact]
    public void A_prefecture_line_gives_its_codes_and_no_others()
    {
        // "1101 00 01 … 19" and "1102 00 01 … 09 21 … 29": the two last digits belong to their own line's prefix.
        Assert.True(AddressCodes.Contains("110100"));
        Assert.True(AddressCodes.Contains("110119"));
        Assert.True(AddressCodes.Contains("110229"));
        Assert.False(AddressCodes.Contains("110129"));
        Assert.False(AddressCodes.Contains("110219"));
    }
}
