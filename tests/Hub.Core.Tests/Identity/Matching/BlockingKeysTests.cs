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
    public void A_full_record_has_name_birth_and_pinyin_keys_in_each_of_its_streets_and_nothing_city_wide()
    {
        Assert.Equal(
            [
                "ns|张三|110105001", "bs|19850302|m|110105001", "ps|zhangsan|110105001",
                "ns|张三|110108003", "bs|19850302|m|110108003", "ps|zhangsan|110108003",
            ],
            BlockingKeys.For(Full));
    }

    [Fact]
    public void Two_spellings_of_one_name_share_the_name_keys()
    {
        var simplified = Full with { Name = "张 三", ResidentId = null, Phone = null };

        Assert.Contains("ns|张三|110105001", BlockingKeys.For(simplified));
        Assert.Subset(BlockingKeys.For(Full).ToHashSet(), BlockingKeys.For(simplified).ToHashSet());
    }

    [Fact]
    public void A_record_without_birth_date_takes_it_and_the_sex_from_a_whole_but_invalid_id()
    {
        var housing = MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = "张三", ["residenceDivision"] = "110105001002" },
            Valid[..17]);

        Assert.Equal(["ns|张三|110105001", "bs|19850302|m|110105001", "ps|zhangsan|110105001"], BlockingKeys.For(housing));
    }

    [Fact]
    public void Keys_are_not_repeated_when_residence_and_registration_share_a_street()
    {
        var record = new MatchRecord
        {
            Name = "张三",
            ResidenceDivision = DivisionCode.Parse("110105001002"),
            RegistrationDivision = DivisionCode.Parse("110105001005"),
        };

        Assert.Equal(["ns|张三|110105001", "ps|zhangsan|110105001"], BlockingKeys.For(record));
    }

    [Fact]
    public void A_homophone_typo_still_meets_on_the_pinyin_key()
    {
        var typo = Full with { Name = "章三", BirthDate = null, ResidentId = null };

        Assert.Equal(["ps|zhangsan|110105001", "ps|zhangsan|110108003"], BlockingKeys.For(Full).Intersect(BlockingKeys.For(typo)));
    }

    [Fact]
    public void A_record_with_nothing_to_search_on_has_no_keys()
    {
        Assert.Empty(BlockingKeys.For(new MatchRecord { Sex = Sex.Female }));
    }
}
