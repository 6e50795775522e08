using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class BlockingKeysTests
{
    private static readonly string Valid = IdNumbers.Complete("11010519850302003");

    private static readonly MatchRecord Full = MatchRecord.FromAttributes(
        new Dictionary<string, string>
        {
            ["name"] = "張三",
            ["birthDate"] = "1985-03-02",
            ["sex"] = "male",
            ["residenceDivision"] = "110105001002",
            ["registrationDivision"] = "110108003004",
            ["phone"] = "13800000000",
        },
        Valid);

    [Fact]
    public void A_full_record_has_birth_sound_and_county_phone_and_id_tail_keys_and_no_street()
    {
        Assert.Equal(
            ["b|19850302", "pc|san zhang|110105", "pc|san zhang|110108", "t|13800000000", "is|110105" + Valid[14..]],
            BlockingKeys.For(Full));
    }

    [Fact]
    public void Two_spellings_of_one_name_share_the_sound_keys()
    {
        var simplified = Full with { Name = "张 三", ResidentId = null, Phone = null };

        Assert.Contains("pc|san zhang|110105", BlockingKeys.For(simplified));
        Assert.Subset(BlockingKeys.For(Full).ToHashSet(), BlockingKeys.For(simplified).ToHashSet());
    }

    [Fact]
    public void A_record_without_birth_date_takes_it_and_the_id_tail_from_a_whole_but_invalid_id()
    {
        var wrongCheck = Valid[..17] + (Valid[17] == '0' ? '1' : '0');
        var housing = MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = "张三", ["residenceDivision"] = "110105001002" },
            wrongCheck);

        Assert.Equal(["b|19850302", "pc|san zhang|110105", "is|110105" + wrongCheck[14..]], BlockingKeys.For(housing));
    }

    [Fact]
    public void A_record_without_any_division_is_still_found_by_birth_date_and_phone()
    {
        var noArea = Full with { ResidenceDivision = null, RegistrationDivision = null, ResidentId = null };

        Assert.Equal(["b|19850302", "t|13800000000"], BlockingKeys.For(noArea));
    }

    [Fact]
    public void Keys_are_not_repeated_when_residence_and_registration_share_a_county()
    {
        var record = new MatchRecord
        {
            Name = "张三",
            ResidenceDivision = DivisionCode.Parse("110105001002"),
            RegistrationDivision = DivisionCode.Parse("110105007005"),
        };

        Assert.Equal(["pc|san zhang|110105"], BlockingKeys.For(record));
    }

    [Theory]
    [InlineData("章三")]
    [InlineData("三张")]
    public void A_homophone_or_the_given_name_first_still_meets_on_the_sound_key_without_a_birth_date(string name)
    {
        var typo = Full with { Name = name, BirthDate = null, ResidentId = null, Phone = null };

        Assert.Equal(["pc|san zhang|110105", "pc|san zhang|110108"], BlockingKeys.For(Full).Intersect(BlockingKeys.For(typo)));
    }

    [Fact]
    public void A_misspelt_name_still_meets_on_the_birth_date()
    {
        var typo = Full with { Name = "张山峰", ResidentId = null, Phone = null };

        Assert.Equal(["b|19850302"], BlockingKeys.For(Full).Intersect(BlockingKeys.For(typo)));
    }

    [Fact]
    public void A_record_with_nothing_to_search_on_has_no_keys()
    {
        Assert.Empty(BlockingKeys.For(new MatchRecord { Sex = Sex.Female }));
    }
}
