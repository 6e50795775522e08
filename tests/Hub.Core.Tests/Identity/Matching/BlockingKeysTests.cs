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
    public void A_full_record_has_birth_sound_and_county_sound_and_community_phone_and_id_tail_keys_and_no_street()
    {
        Assert.Equal(
            ["b|19850302", "pc|san zhang|110105", "pc|san zhang|110108", "pn|san zhang|110105001002", "pn|san zhang|110108003004", "t|13800000000", "is|110105" + Valid[14..]],
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

        Assert.Equal(["b|19850302", "pc|san zhang|110105", "pn|san zhang|110105001002", "is|110105" + wrongCheck[14..]], BlockingKeys.For(housing));
    }

    [Fact]
    public void A_record_without_any_division_is_still_found_by_birth_date_and_phone()
    {
        var noArea = Full with { ResidenceDivision = null, RegistrationDivision = null, ResidentId = null };

        Assert.Equal(["b|19850302", "t|13800000000"], BlockingKeys.For(noArea));
    }

    [Fact]
    public void The_county_key_is_not_repeated_when_residence_and_registration_share_a_county()
    {
        var record = new MatchRecord
        {
            Name = "张三",
            ResidenceDivision = DivisionCode.Parse("110105001002"),
            RegistrationDivision = DivisionCode.Parse("110105007005"),
        };

        Assert.Equal(["pc|san zhang|110105", "pn|san zhang|110105001002", "pn|san zhang|110105007005"], BlockingKeys.For(record));
    }

    [Theory]
    [InlineData("章三")]
    [InlineData("三张")]
    public void A_homophone_or_the_given_name_first_still_meets_on_the_sound_key_without_a_birth_date(string name)
    {
        var typo = Full with { Name = name, BirthDate = null, ResidentId = null, Phone = null };

        Assert.Equal(
            ["pc|san zhang|110105", "pc|san zhang|110108", "pn|san zhang|110105001002", "pn|san zhang|110108003004"],
            BlockingKeys.For(Full).Intersect(BlockingKeys.For(typo)));
    }

    [Fact]
    public void A_misspelt_name_still_meets_on_the_birth_date()
    {
        var typo = Full with { Name = "张山峰", ResidentId = null, Phone = null };

        Assert.Equal(["b|19850302"], BlockingKeys.For(Full).Intersect(BlockingKeys.For(typo)));
    }

    [Theory]
    [InlineData("张三", "张小三")]
    [InlineData("刘丽娟", "丽娟")]
    [InlineData("李志刚", "李德刚")]
    [InlineData("刘志强", "刘志涛强")]
    public void A_name_with_a_character_added_left_out_or_replaced_and_no_birth_date_meets_in_the_community(string name, string typed)
    {
        var person = Full with { Name = name, ResidentId = null, Phone = null };
        var typo = new MatchRecord { Name = typed, ResidenceDivision = Full.ResidenceDivision };

        var shared = BlockingKeys.For(person).Intersect(BlockingKeys.For(typo)).ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, key => Assert.StartsWith("pn|", key, StringComparison.Ordinal));
        Assert.All(shared, key => Assert.EndsWith("|110105001002", key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_of_two_characters_leaves_no_syllable_out_and_one_of_three_leaves_out_each_in_turn()
    {
        var two = BlockingKeys.For(new MatchRecord { Name = "王芳", ResidenceDivision = Full.ResidenceDivision });
        var three = BlockingKeys.For(new MatchRecord { Name = "王建国", ResidenceDivision = Full.ResidenceDivision });

        Assert.Equal(["pn|fang wang|110105001002"], two.Where(k => k.StartsWith("pn|", StringComparison.Ordinal)));
        Assert.Equal(
            ["pn|guo jian wang|110105001002", "pn|jian wang|110105001002", "pn|guo wang|110105001002", "pn|guo jian|110105001002"],
            three.Where(k => k.StartsWith("pn|", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_record_without_division_or_birth_date_meets_its_person_at_the_dwelling_they_share()
    {
        var police = new MatchRecord { Name = "赵宝山", BirthDate = new DateOnly(1955, 1, 5), ResidenceAddress = "建外街道幸福村社区工体北路57号院13号楼4单元1301" };
        var housing = new MatchRecord
        {
            Name = "赵宝山",
            ResidenceDivision = DivisionCode.Parse("110105001005"),
            ResidenceAddress = "北京市朝阳区建外街道幸福村工体北路57号13号楼4单元1301",
        };

        Assert.Equal(["pa|bao shan zhao|北路57号13号楼4单元1301"], BlockingKeys.For(police).Intersect(BlockingKeys.For(housing)));
    }

    [Theory]
    [InlineData("北京市朝阳区建外街道光华里社区工体北路57号院3号楼", "北路57号3号楼")]
    [InlineData("光华里工体北路57号3号楼", "北路57号3号楼")]
    [InlineData("57号院3号楼", "57号3号楼")]
    [InlineData("北京市朝阳区光华里", null)]
    public void The_dwelling_is_the_address_from_the_end_of_the_road_name_on(string address, string? dwelling)
    {
        Assert.Equal(dwelling, BlockingKeys.Dwelling(NameFolding.Fold(address)));
    }

    [Fact]
    public void A_record_with_nothing_to_search_on_has_no_keys()
    {
        Assert.Empty(BlockingKeys.For(new MatchRecord { Sex = Sex.Female }));
    }
}
