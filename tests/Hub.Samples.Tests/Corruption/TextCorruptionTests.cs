using Hub.Core.Kernel;
using Hub.Samples.Corruption;

namespace Hub.Samples.Tests.Corruption;

public sealed class TextCorruptionTests
{
    private const string Address = "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1502";

    // Every seed from 0 to 199: enough draws to see every possible outcome of a short value.
    private static HashSet<string?> Outcomes(Func<Random, string?> corrupt) =>
        Enumerable.Range(0, 200).Select(seed => corrupt(new Random(seed))).ToHashSet();

    private static void Same(IEnumerable<string> expected, IEnumerable<string?> outcomes) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), outcomes.Order(StringComparer.Ordinal));

    [Fact]
    public void An_insertion_puts_one_character_of_the_alphabet_at_any_place()
    {
        Same(["甲王伟", "王甲伟", "王伟甲"], Outcomes(r => TextCorruptions.Insert("王伟", "甲", r)));
        Assert.Null(TextCorruptions.Insert(string.Empty, "甲", new Random(1)));
    }

    [Fact]
    public void A_deletion_leaves_out_one_character_and_never_the_last_one()
    {
        Same(["建国", "王国", "王建"], Outcomes(r => TextCorruptions.Delete("王建国", r)));
        Assert.Null(TextCorruptions.Delete("王", new Random(1)));
    }

    [Fact]
    public void A_substitution_replaces_one_character_at_or_after_the_start_with_another_of_the_alphabet()
    {
        Same(["aa", "ac"], Outcomes(r => TextCorruptions.Substitute("ab", 1, "abc", r)));
        Assert.Null(TextCorruptions.Substitute("ab", 2, "abc", new Random(1)));
        Assert.Null(TextCorruptions.Substitute("ab", 1, "b", new Random(1)));
    }

    [Fact]
    public void A_transposition_swaps_two_different_neighbours_at_or_after_the_start()
    {
        Same(["建王国", "王国建"], Outcomes(r => TextCorruptions.Transpose("王建国", 0, r)));
        Same(["13812345687"], Outcomes(r => TextCorruptions.Transpose("13812345678", 9, r)));
        Assert.Null(TextCorruptions.Transpose("王王", 0, new Random(1)));
    }

    [Fact]
    public void A_homophone_replaces_one_character_with_one_that_sounds_the_same()
    {
        Same(["张玮", "张薇", "彰伟", "章伟"], Outcomes(r => TextCorruptions.Confuse("张伟", 0, Homophones.Of, r)));
        Assert.Null(TextCorruptions.Confuse("孙", 0, Homophones.Of, new Random(1)));
    }

    [Fact]
    public void An_ocr_slip_replaces_one_character_with_a_look_alike()
    {
        Same(["主", "玉"], Outcomes(r => TextCorruptions.Confuse("王", 0, LookAlikes.Of, r)));
        Same(["1380", "1383"], Outcomes(r => TextCorruptions.Confuse("1388", 3, LookAlikes.Of, r)));
        Assert.Null(TextCorruptions.Confuse("1388", 4, LookAlikes.Of, new Random(1)));
    }

    [Fact]
    public void Every_homophone_and_look_alike_goes_both_ways()
    {
        foreach (var c in Names.Characters)
        {
            Assert.All(Homophones.Of(c), h => Assert.Contains(c, Homophones.Of(h)));
            Assert.All(LookAlikes.Of(c), l => Assert.Contains(c, LookAlikes.Of(l)));
            Assert.DoesNotContain(c, Homophones.Of(c));
        }

        Assert.True(Names.Characters.Count(c => Homophones.Of(c).Length > 0) >= Names.Characters.Length - 7, "most name characters should have a homophone");
    }

    [Theory]
    [InlineData("张伟", "伟张")]
    [InlineData("张建国", "建国张")]
    [InlineData("张", null)]
    [InlineData("张张", null)]
    public void The_name_order_swap_puts_the_given_name_first(string name, string? expected) =>
        Assert.Equal(expected, TextCorruptions.SwapNameOrder(name));

    [Theory]
    [InlineData("1990-03-07", "1990-07-03")]
    [InlineData("1990-12-01", "1990-01-12")]
    [InlineData("1990-03-13", null)]
    [InlineData("1990-05-05", null)]
    public void The_day_and_month_swap_happens_only_where_the_day_can_be_a_month(string date, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TextCorruptions.SwapDayMonth(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_mistyped_birth_digit_changes_exactly_one_digit_and_stays_a_date_no_later_than_the_feeds()
    {
        var latest = new DateOnly(2025, 6, 30);
        var outcomes = Outcomes(r => TextCorruptions.MistypeDigit(new DateOnly(2020, 3, 7), latest, r)?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(outcomes.Count > 10);
        Assert.All(outcomes, o => Assert.Equal(1, o!.Zip("20200307").Count(p => p.First != p.Second)));
        Assert.All(outcomes, o => Assert.InRange(DateOnly.ParseExact(o!, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), new DateOnly(1900, 1, 1), latest));
        Assert.Contains("20250307", outcomes);
        Assert.DoesNotContain("20300307", outcomes);
    }

    [Fact]
    public void An_abbreviation_shortens_the_address_in_one_of_the_ways_clerks_do()
    {
        Same(
            [
                "光华里社区金台路12号院3号楼2单元1502",
                "北京市朝阳区建外街道光华里金台路12号院3号楼2单元1502",
                "北京市朝阳区建外街道光华里社区金台路12号3号楼2单元1502",
                "建外街道光华里社区金台路12号院3号楼2单元1502",
                "朝阳区建外街道光华里社区金台路12号院3号楼2单元1502",
            ],
            Outcomes(r => TextCorruptions.Abbreviate(Address, r)));
    }

    [Fact]
    public void The_district_of_an_address_is_not_taken_from_the_community()
    {
        Same(["光华里金台路12号"], Outcomes(r => TextCorruptions.Abbreviate("光华里社区金台路12号", r)));
        Assert.Null(TextCorruptions.Abbreviate("金台路12号", new Random(1)));
    }

    [Fact]
    public void A_wrong_community_is_another_community_of_the_same_street()
    {
        var outcomes = Outcomes(r => TextCorruptions.OtherCommunity(DivisionCode.Parse("110105001003"), r).Value);

        Same(["110105001001", "110105001002", "110105001004", "110105001005", "110105001006", "110105001007", "110105001008"], outcomes);
    }
}
