using System.Text.RegularExpressions;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Kernel;

/// <summary>
/// A number can pass its check character and still be impossible: an address code that is no division, or a birth
/// date after the feed that carried it.
/// </summary>
public sealed partial class ResidentIdPlausibilityTests
{
    private const string AddressReason = "ID number's address code is not a division of GB/T 2260";
    private const string FutureBirthReason = "ID number has a birth date after the feed's date";

    private static readonly DateOnly FeedDate = new(2026, 1, 15);

    [Theory]
    [InlineData("110103")] // 崇文区, merged into 东城区 in 2010
    [InlineData("110224")] // 大兴县, a district (110115) since 2001
    [InlineData("142301")] // 榆次市 of 晋中地区, 140702 since 1999
    [InlineData("130122")] // 获鹿县, 鹿泉市 (130185) from 1994
    [InlineData("320103")] // 白下区, merged into 秦淮区 in 2013
    [InlineData("512601")] // 乐山市 of 乐山地区, before 1985
    public void A_retired_code_stays_valid_for_life(string addressCode)
    {
        var text = IdNumbers.Complete(addressCode + "19650312021");

        Assert.True(ResidentId.TryParse(text, out var id, out var reason), reason);
        Assert.Equal(addressCode, id.Value.AddressCode);
    }

    [Theory]
    [InlineData("110105")] // 朝阳区
    [InlineData("330383")] // 龙港市, created in 2019
    [InlineData("441900")] // 东莞市, a prefecture-level city without counties
    [InlineData("460400")] // 儋州市, likewise
    [InlineData("620200")] // 嘉峪关市, likewise
    [InlineData("429004")] // 仙桃市, directly under the province
    public void Current_county_and_prefecture_level_codes_are_valid(string addressCode)
    {
        var text = IdNumbers.Complete(addressCode + "19800101003");

        Assert.True(ResidentId.TryParse(text, out _, out var reason), reason);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("000000")]
    [InlineData("110000")] // 北京市: a province, not a county or prefecture
    [InlineData("110199")]
    [InlineData("710101")] // Taiwan has no county codes in GB/T 2260
    public void An_address_code_that_is_no_division_is_rejected_even_with_a_correct_check_character(string addressCode)
    {
        var text = IdNumbers.Complete(addressCode + "19800101003");

        var parsed = ResidentId.TryParse(text, out var id, out var reason);

        Assert.False(parsed);
        Assert.Null(id);
        Assert.Equal(AddressReason, reason);
    }

    [Fact]
    public void A_wrong_check_character_is_reported_before_an_unknown_address_code()
    {
        var valid = IdNumbers.Complete("99999919800101003");
        var mistyped = valid[..17] + (valid[17] == '0' ? '1' : '0');

        Assert.False(ResidentId.TryParse(mistyped, out _, out var reason));

        Assert.Contains("check character", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_number_with_a_retired_code_upgrades_and_passes()
    {
        Assert.True(ResidentId.TryParse("142301650312021", FeedDate, out var id, out var reason), reason);

        Assert.Equal(IdNumbers.Upgrade("142301650312021"), id.Value.Value);
    }

    [Fact]
    public void A_legacy_number_with_an_unknown_code_is_rejected_after_its_upgrade()
    {
        Assert.False(ResidentId.TryParse("999999650312021", FeedDate, out var id, out var reason));

        Assert.Null(id);
        Assert.Equal(AddressReason, reason);
    }

    [Fact]
    public void A_birth_on_the_feeds_date_is_possible()
    {
        var text = IdNumbers.Complete("11010520260115002");

        Assert.True(ResidentId.TryParse(text, FeedDate, out var id, out var reason), reason);
        Assert.Equal(FeedDate, id.Value.BirthDate);
    }

    [Theory]
    [InlineData("20260116")]
    [InlineData("20270101")]
    [InlineData("20991231")]
    public void A_birth_after_the_feeds_date_is_rejected_with_its_own_reason(string birth)
    {
        var text = IdNumbers.Complete("110105" + birth + "002");

        var parsed = ResidentId.TryParse(text, FeedDate, out var id, out var reason);

        Assert.False(parsed);
        Assert.Null(id);
        Assert.Equal(FutureBirthReason, reason);
    }

    [Fact]
    public void Without_a_feed_date_the_birth_date_is_not_compared_with_any_day()
    {
        // Lookups and matching parse numbers without a feed; only a feed's records are held to its date.
        var text = IdNumbers.Complete("11010520991231002");

        Assert.True(ResidentId.TryParse(text, out _, out var reason), reason);
    }

    [Fact]
    public void An_unknown_address_code_is_reported_before_a_future_birth()
    {
        var text = IdNumbers.Complete("99999920991231002");

        Assert.False(ResidentId.TryParse(text, FeedDate, out _, out var reason));

        Assert.Equal(AddressReason, reason);
    }

    [Theory]
    [InlineData("99999919800101003")]
    [InlineData("00000019800101003")]
    [InlineData("11010520991231002")]
    [InlineData("11010520260116002")]
    public void The_new_reasons_never_contain_the_number(string body)
    {
        var text = IdNumbers.Complete(body);

        Assert.False(ResidentId.TryParse(text, FeedDate, out _, out var reason));

        Assert.NotNull(reason);
        Assert.DoesNotContain(text, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(body[..6], reason, StringComparison.Ordinal);
        Assert.DoesNotMatch(DigitRun(), reason);
    }

    [Fact]
    public void Parse_refuses_an_unknown_address_code_without_naming_it()
    {
        var exception = Assert.Throws<FormatException>(() => ResidentId.Parse(IdNumbers.Complete("99999919800101003")));

        Assert.Equal(AddressReason, exception.Message);
    }

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex DigitRun();
}
