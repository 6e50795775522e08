using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class IdEvidenceTests
{
    private static readonly string Valid = IdNumbers.Complete("11010519850302003");

    [Fact]
    public void A_number_with_a_wrong_check_character_keeps_its_whole_body()
    {
        var wrong = Valid[..17] + (Valid[17] == '0' ? '1' : '0');

        Assert.True(IdEvidence.TryRead(wrong, out var evidence));
        Assert.True(evidence.IsComplete);
        Assert.Equal(Valid[..17], evidence.Body);
        Assert.Equal(new DateOnly(1985, 3, 2), evidence.BirthDate);
        Assert.Equal(Sex.Male, evidence.Sex);
        Assert.Equal("110105", evidence.AddressCode);
    }

    [Fact]
    public void A_number_without_its_check_character_keeps_its_body()
    {
        Assert.True(IdEvidence.TryRead(Valid[..17], out var evidence));

        Assert.True(evidence.IsComplete);
        Assert.Equal(Valid[..17], evidence.Body);
    }

    [Theory]
    [InlineData("1.10105E+17", "110105")]
    [InlineData("1.101E+17", "110100")]
    [InlineData("4.40305E+17", "440305")]
    [InlineData("1.1010519E+17", "1101051")]
    public void A_number_a_spreadsheet_turned_into_scientific_notation_keeps_its_leading_digits(string text, string digits)
    {
        Assert.True(IdEvidence.TryRead(text, out var evidence));

        Assert.False(evidence.IsComplete);
        Assert.Equal(digits, evidence.Digits);
        Assert.Null(evidence.Body);
        Assert.Null(evidence.BirthDate);
        Assert.Null(evidence.Sex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("unknown")]
    [InlineData("11010")]
    [InlineData("1.10105E+16")]
    [InlineData("11010519850302X031")]
    public void Nothing_survives_of_an_empty_short_or_garbled_cell(string? text)
    {
        Assert.False(IdEvidence.TryRead(text, out _));
    }

    [Fact]
    public void A_cell_of_the_wrong_length_keeps_only_its_address_code()
    {
        Assert.True(IdEvidence.TryRead("1101051985030200", out var evidence));

        Assert.False(evidence.IsComplete);
        Assert.Equal("110105", evidence.Digits);
    }

    [Fact]
    public void Evidence_never_prints_its_digits()
    {
        Assert.True(IdEvidence.TryRead(Valid[..17], out var evidence));

        Assert.DoesNotContain("110105", evidence.ToString(), StringComparison.Ordinal);
    }
}
