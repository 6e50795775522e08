using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Feeds.Normalisation;

public sealed class FeedRecordValidatorTests
{
    private static readonly SourceMapping CivilAffairs = SourceCatalog.LoadFile(ShippedFiles.Source("civil-affairs"));

    private static readonly PersonKeyHasher Hasher = new(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public void A_csv_header_without_a_required_column_fails_the_whole_file()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Csv, Hasher, FeedDates.Received);
        var row = Row(2, ("身份证号码", "11010519491231002X"), ("姓名", "王秀英"));

        var failure = Assert.Throws<FeedFormatException>(() => validator.TryAccept(row, out _, out _, out _));

        Assert.Equal(1, failure.Row);
        Assert.Contains("救助类型", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_records_are_not_held_to_a_header_and_fail_one_by_one()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Json, Hasher, FeedDates.Received);

        Assert.False(validator.TryAccept(Row(1, ("身份证号码", "11010519491231002X")), out _, out _, out var rejections));
        Assert.Contains(rejections, r => r.Field == "救助类型" && r.Reason == "required value is missing");
    }

    [Fact]
    public void A_second_record_for_the_same_person_and_record_key_is_rejected_with_the_first_row()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Csv, Hasher, FeedDates.Received);
        var values = new[] { ("身份证号码", "11010519491231002X"), ("姓名", "王秀英"), ("救助类型", "城市低保"), ("享受起始日期", "2024/3/1"), ("居住地区划代码", "110105003002") };

        Assert.True(validator.TryAccept(Row(2, values), out _, out _, out _));
        Assert.True(validator.TryAccept(Row(3, [.. values[..2], ("救助类型", "孤寡老人"), .. values[3..]]), out _, out _, out _));
        Assert.False(validator.TryAccept(Row(4, values), out _, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal("身份证号码", rejection.Field);
        Assert.Contains("already at row 2", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_the_mapping_does_not_know_are_reported_as_ignored()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Csv, Hasher, FeedDates.Received);

        validator.TryAccept(Row(2, ("身份证号码", "11010519491231002X"), ("姓名", "王秀英"), ("救助类型", "低保"), ("享受起始日期", "2024-03-01"), ("居住地区划代码", "110105003002"), ("备注", "x")), out _, out _, out _);

        Assert.Equal(["备注"], validator.IgnoredColumns);
    }

    [Theory]
    [InlineData(FeedFormat.Json)]
    [InlineData(FeedFormat.Ndjson)]
    public void Json_keys_the_mapping_does_not_know_are_reported_and_named_as_the_likely_cause_of_missing_required_values(FeedFormat format)
    {
        var housing = SourceCatalog.LoadFile(ShippedFiles.Source("housing-security"));
        var validator = new FeedRecordValidator(housing, format, Hasher, FeedDates.Received);
        var rejected = 0;

        for (var row = 1; row <= 3; row++)
        {
            rejected += validator.TryAccept(Row(row, ("承租人", "王秀英"), ("证件号码", "11010519491231002X"), ("保障类型", "公租房"), ("社区区划代码", "110105003002"), ("合同起始日期", "2024-03-01")), out _, out _, out _) ? 0 : 1;
        }

        Assert.Equal(3, rejected);
        Assert.Equal(["承租人", "证件号码"], validator.IgnoredColumns);
        var name = Assert.Single(validator.LikelyCauses, c => c.Field == "承租人姓名");
        Assert.Equal(3, name.Rows);
        Assert.Equal(["承租人", "证件号码"], name.UnmappedKeys);
        Assert.Contains("aliases", name.Hint, StringComparison.Ordinal);
        Assert.Contains(validator.LikelyCauses, c => c.Field == "承租人身份证号");
        Assert.DoesNotContain("王秀英", string.Join(" ", validator.LikelyCauses.Select(c => c.Hint)), StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", string.Join(" ", validator.LikelyCauses.Select(c => c.Hint)), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_every_required_value_name_no_likely_cause()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Json, Hasher, FeedDates.Received);

        validator.TryAccept(Row(1, ("身份证号码", "11010519491231002X"), ("姓名", "王秀英"), ("救助类型", "低保"), ("享受起始日期", "2024-03-01"), ("居住地区划代码", "110105003002"), ("备注", "x")), out _, out _, out _);

        Assert.Equal(["备注"], validator.IgnoredColumns);
        Assert.Empty(validator.LikelyCauses);
    }

    [Fact]
    public void A_csv_header_that_lacks_a_required_column_names_the_columns_the_mapping_does_not_know()
    {
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Csv, Hasher, FeedDates.Received);

        var failure = Assert.Throws<FeedFormatException>(() => validator.CheckHeader(["身份证号码", "姓名", "救助类别", "享受起始日期", "居住地区划代码"]));

        Assert.Contains("lacks required columns of source 'civil-affairs': 救助类型", failure.Message, StringComparison.Ordinal);
        Assert.Contains("columns the mapping does not know: 救助类别", failure.Message, StringComparison.Ordinal);
    }

    private static FeedRow Row(long number, params (string Column, string Value)[] cells) =>
        new(number, cells.ToDictionary(c => c.Column, c => (string?)c.Value));
}
