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
    public void A_full_record_has_city_wide_keys_by_name_birth_county_phone_and_id_digits()
    {
        Assert.Equal(
            [
                "nb|张三|19850302",
                "bc|19850302|110105", "nc|张三|110105",
                "bc|19850302|110108", "nc|张三|110108",
                "ph|13800000000",
                $"ia|{Valid[..14]}", $"is|{Valid[6..17]}",
            ],
            BlockingKeys.For(Full));
    }

    [Fact]
    public void No_key_needs_the_sex_or_a_street()
    {
        var elsewhere = Full with { Sex = null, ResidenceDivision = DivisionCode.Parse("110105017001"), RegistrationDivision = null };

        Assert.Contains("bc|19850302|110105", BlockingKeys.For(elsewhere));
        Assert.Contains("nb|张三|19850302", BlockingKeys.For(elsewhere));
    }

    [Fact]
    public void Two_spellings_of_one_name_share_the_name_keys()
    {
        var simplified = Full with { Name = "张 三", ResidentId = null, Phone = null };

        Assert.Contains("nb|张三|19850302", BlockingKeys.For(simplified));
        Assert.Subset(BlockingKeys.For(Full).ToHashSet(), BlockingKeys.For(simplified).ToHashSet());
    }

    [Fact]
    public void A_misspelled_name_still_meets_on_birth_date_and_county()
    {
        var misspelled = Full with { Name = "张山", ResidentId = null, Phone = null };

        Assert.Equal(["bc|19850302|110105", "bc|19850302|110108"], BlockingKeys.For(Full).Intersect(BlockingKeys.For(misspelled)));
    }

    [Fact]
    public void A_record_without_birth_date_takes_it_and_the_id_digits_from_a_whole_but_invalid_id()
    {
        var housing = MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = "张三", ["residenceDivision"] = "110105001002" },
            Valid[..17]);

        Assert.Equal(
            ["nb|张三|19850302", "bc|19850302|110105", "nc|张三|110105", $"ia|{Valid[..14]}", $"is|{Valid[6..17]}"],
            BlockingKeys.For(housing));
    }

    [Fact]
    public void An_id_number_with_a_mistyped_address_code_still_meets_on_its_birth_date_and_sequence()
    {
        var mistyped = MatchRecord.FromAttributes(new Dictionary<string, string>(), "2" + Valid[1..]);

        Assert.Contains($"is|{Valid[6..17]}", BlockingKeys.For(mistyped));
        Assert.DoesNotContain($"ia|{Valid[..14]}", BlockingKeys.For(mistyped));
    }

    [Fact]
    public void Keys_are_not_repeated_when_residence_and_registration_share_a_county()
    {
        var record = new MatchRecord
        {
            Name = "张三",
            ResidenceDivision = DivisionCode.Parse("110105001002"),
            RegistrationDivision = DivisionCode.Parse("110105003005"),
        };

        Assert.Equal(["nc|张三|110105"], BlockingKeys.For(record));
    }

    [Fact]
    public void A_record_with_nothing_to_search_on_has_no_keys()
    {
        Assert.Empty(BlockingKeys.For(new MatchRecord { Sex = Sex.Female }));
    }
}
