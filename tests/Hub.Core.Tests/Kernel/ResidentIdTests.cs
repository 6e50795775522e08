using System.Text;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Kernel;

public sealed partial class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Published_examples_of_the_standard_are_valid(string text)
    {
        Assert.True(ResidentId.TryParse(text, out var id, out var reason), reason);
        Assert.Equal(text, id.Value.Value);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void Check_character_of_the_published_examples_is_computed(string body, char expected)
    {
        var computed = ResidentId.CheckCharacter(body);

        Assert.Equal(expected, computed);
        Assert.Equal(IdNumbers.CheckCharacter(body), computed);
    }

    [Theory]
    [InlineData("31010419850615123")]
    [InlineData("51010720001129456")]
    [InlineData("65010219700101000")]
    [InlineData("23010619991231987")]
    public void Check_character_agrees_with_the_standard_weights(string body)
    {
        var computed = ResidentId.CheckCharacter(body);

        Assert.Equal(IdNumbers.CheckCharacter(body), computed);
    }

    [Theory]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData("11010519491231002x")]
    [InlineData("110105 19491231 002x")]
    [InlineData(" 11010519491231002X ")]
    [InlineData("110105\u300019491231\u3000002X")]
    [InlineData("110105-19491231-002X")]
    [InlineData("'11010519491231002X")]
    [InlineData("\"11010519491231002X\"")]
    [InlineData("11010519491231002X\t")]
    public void Full_width_digits_spaces_and_lower_case_x_are_normalised(string text)
    {
        Assert.True(ResidentId.TryParse(text, out var id, out var reason), reason);
        Assert.Equal("11010519491231002X", id.Value.Value);
    }

    [Fact]
    public void Two_spellings_of_one_number_are_the_same_id()
    {
        var plain = ResidentId.Parse("11010519491231002X");

        var spreadsheet = ResidentId.Parse("１１０１０５ １９４９１２３１ ００２ｘ");

        Assert.Equal(plain, spreadsheet);
    }

    [Fact]
    public void Legacy_number_of_the_standard_example_upgrades_to_it()
    {
        Assert.True(ResidentId.TryParse("110105491231002", out var id, out var reason), reason);
        Assert.Equal("11010519491231002X", id.Value.Value);
    }

    [Theory]
    [InlineData("440524800101001")]
    [InlineData("310104850615123")]
    [InlineData("510107001129456")]
    [InlineData("１１０１０５４９１２３１００２")]
    public void Legacy_15_digit_number_is_upgraded_to_18_with_a_new_check_character(string legacy)
    {
        var digits = legacy.Normalize(NormalizationForm.FormKC);
        var body = digits[..6] + "19" + digits[6..];
        var expected = body + IdNumbers.CheckCharacter(body);

        Assert.True(ResidentId.TryParse(legacy, out var id, out var reason), reason);

        Assert.Equal(expected, id.Value.Value);
        Assert.Equal(18, id.Value.Value.Length);
        Assert.Equal(1900, id.Value.BirthDate.Year / 100 * 100);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    [InlineData("440524188001010015")]
    [InlineData("44052418800101001X")]
    [InlineData("11010519491231002０")]
    public void Wrong_check_character_is_rejected(string text)
    {
        var parsed = ResidentId.TryParse(text, out var id, out var reason);

        Assert.False(parsed);
        Assert.Null(id);
        Assert.Contains("check character", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110105", "19491331", "002")]
    [InlineData("110105", "19491232", "002")]
    [InlineData("110105", "19000229", "002")]
    [InlineData("110105", "19490001", "002")]
    [InlineData("110105", "18491231", "002")]
    public void Impossible_birth_date_is_rejected_even_with_a_correct_check_character(string address, string birth, string sequence)
    {
        var text = IdNumbers.Complete(address + birth + sequence);

        var parsed = ResidentId.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Contains("birth date", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Leap_day_of_a_leap_year_is_a_possible_birth_date()
    {
        var text = IdNumbers.Complete("11010520000229002");

        Assert.True(ResidentId.TryParse(text, out var id, out var reason), reason);
        Assert.Equal(new DateOnly(2000, 2, 29), id.Value.BirthDate);
    }

    [Theory]
    [InlineData("11010519491231002", 17)]
    [InlineData("1101051949123100", 16)]
    [InlineData("11010519491231002X1", 19)]
    [InlineData("1101054912310", 13)]
    [InlineData("1", 1)]
    public void Wrong_length_is_rejected_with_the_length_found(string text, int length)
    {
        var parsed = ResidentId.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Contains($"has {length} characters", reason, StringComparison.Ordinal);
        Assert.Contains("expected 18", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002A")]
    [InlineData("1101051949123100X2")]
    [InlineData("X10105194912310022")]
    [InlineData("11010519491231002Y")]
    [InlineData("11010519491231002?")]
    public void Letters_other_than_a_final_x_are_rejected(string text)
    {
        var parsed = ResidentId.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Contains("characters other than digits", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Empty_value_is_rejected_as_empty(string? text)
    {
        var parsed = ResidentId.TryParse(text, out _, out var reason);

        Assert.False(parsed);
        Assert.Equal("ID number is empty", reason);
    }

    [Theory]
    [InlineData("1.10105E+17")]
    [InlineData("1.10105e+17")]
    [InlineData("1.10105E17")]
    [InlineData("1.10105194912310E+17")]
    [InlineData("4.40524E+17")]
    [InlineData(" 1.10105E+17 ")]
    [InlineData("１.１０１０５Ｅ＋１７")]
    public void Spreadsheet_scientific_notation_is_rejected_with_that_reason(string text)
    {
        var parsed = ResidentId.TryParse(text, out var id, out var reason);

        Assert.False(parsed);
        Assert.Null(id);
        Assert.Contains("spreadsheet", reason, StringComparison.Ordinal);
        Assert.Contains("scientific notation", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491331002X")]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X99")]
    [InlineData("1101051949123100A2")]
    [InlineData("1.10105E+17")]
    [InlineData("110105491331002")]
    public void Reasons_never_contain_the_number(string text)
    {
        Assert.False(ResidentId.TryParse(text, out _, out var reason));

        Assert.NotNull(reason);
        Assert.DoesNotContain(text, reason, StringComparison.Ordinal);
        Assert.DoesNotContain("110105", reason, StringComparison.Ordinal);
        Assert.DoesNotMatch(LongDigitRun(), reason);
    }

    [Fact]
    public void Parse_failure_message_never_contains_the_number()
    {
        var exception = Assert.Throws<FormatException>(() => ResidentId.Parse("110105194912310021"));

        Assert.DoesNotContain("110105", exception.Message, StringComparison.Ordinal);
        Assert.Contains("check character", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Sex.Female, "110105")]
    [InlineData("440524188001010014", 1880, 1, 1, Sex.Male, "440524")]
    public void Birth_date_sex_and_address_code_are_read_from_the_number(string text, int year, int month, int day, Sex sex, string addressCode)
    {
        var id = ResidentId.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(addressCode, id.AddressCode);
    }

    [Theory]
    [InlineData('0', Sex.Female)]
    [InlineData('1', Sex.Male)]
    [InlineData('8', Sex.Female)]
    [InlineData('9', Sex.Male)]
    public void Sex_follows_the_parity_of_the_seventeenth_digit(char digit, Sex sex)
    {
        var id = ResidentId.Parse(IdNumbers.Complete("1101051990010200" + digit));

        Assert.Equal(sex, id.Sex);
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("440524188001010014", "440524********0014")]
    public void Masked_shows_the_first_six_eight_stars_and_the_last_four(string text, string masked)
    {
        var id = ResidentId.Parse(text);

        var shown = id.Masked();

        Assert.Equal(masked, shown);
        Assert.Equal(18, shown.Length);
        Assert.DoesNotContain(text[6..14], shown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_reveals_the_number()
    {
        var id = ResidentId.Parse("11010519491231002X");
        Assert.DoesNotContain("110105", id.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("110105", $"{id}", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{6,}")]
    private static partial Regex LongDigitRun();
}
