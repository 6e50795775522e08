using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class DivisionCodeTests
{
    [Fact]
    public void Twelve_digit_code_is_accepted_and_split_into_street_and_county()
    {
        Assert.True(DivisionCode.TryParse("110105001002", out var code, out var reason), reason);

        Assert.Equal("110105001002", code.Value.Value);
        Assert.Equal("110105001", code.Value.Street);
        Assert.Equal("110105", code.Value.County);
        Assert.Equal("110105001002", code.Value.ToString());
    }

    [Theory]
    [InlineData("110105", "110105000000")]
    [InlineData("110105001", "110105001000")]
    [InlineData("440305", "440305000000")]
    public void County_and_street_codes_are_padded_to_12_digits(string text, string expected)
    {
        Assert.True(DivisionCode.TryParse(text, out var code, out var reason), reason);

        Assert.Equal(expected, code.Value.Value);
    }

    [Theory]
    [InlineData("１１０１０５００１００２")]
    [InlineData("110105 001 002")]
    [InlineData("110105-001-002")]
    [InlineData(" 110105001002\t")]
    [InlineData("１１０１０５\u3000００１\u3000００２")]
    public void Full_width_digits_and_separators_are_normalised(string text)
    {
        Assert.True(DivisionCode.TryParse(text, out var code, out var reason), reason);

        Assert.Equal("110105001002", code.Value.Value);
    }

    [Theory]
    [InlineData("11010A001002")]
    [InlineData("110105OO1002")]
    [InlineData("朝阳区")]
    [InlineData("110105.001002")]
    public void Letters_and_other_characters_are_rejected(string text)
    {
        var parsed = DivisionCode.TryParse(text, out var code, out var reason);

        Assert.False(parsed);
        Assert.Null(code);
        Assert.Equal("division code contains characters other than digits", reason);
    }

    [Theory]
    [InlineData("001105001002")]
    [InlineData("000000")]
    [InlineData("910105001002")]
    [InlineData("110000000000")]
    [InlineData("110000")]
    public void Code_that_names_no_province_city_and_county_is_rejected(string text)
    {
        var parsed = DivisionCode.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Contains("province", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1101", 4)]
    [InlineData("1101050", 7)]
    [InlineData("1101050010", 10)]
    [InlineData("1101050010021", 13)]
    public void Code_of_another_length_is_rejected_with_the_count(string text, int digits)
    {
        var parsed = DivisionCode.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Equal($"division code has {digits} digits, expected 12 (or 6 or 9)", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_code_is_rejected_as_empty(string? text)
    {
        var parsed = DivisionCode.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Equal("division code is empty", reason);
    }

    [Fact]
    public void Parse_throws_a_format_exception_with_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => DivisionCode.Parse("11010A"));

        Assert.Equal("division code contains characters other than digits", exception.Message);
    }
}
