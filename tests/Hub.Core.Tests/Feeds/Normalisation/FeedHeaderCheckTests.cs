using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Identity.Keys;
using Hub.Core.Tests.Feeds.Reading;
using Hub.Core.Tests.Feeds.Sources;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>The header row is checked before any row and even when none follows; columns that collide fail the file.</summary>
public sealed class FeedHeaderCheckTests
{
    private const string Required = "身份证号码,姓名,救助类型,享受起始日期,居住地区划代码";

    private static readonly PersonKeyHasher Hasher = new(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public async Task A_header_only_csv_without_the_required_columns_fails_naming_them()
    {
        var validator = Validator(FeedFormat.Csv);

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync("姓名,性别\r\n", "text/csv", onHeader: validator.CheckHeader));

        Assert.Equal(1, failure.Row);
        Assert.Contains("身份证号码", failure.Message, StringComparison.Ordinal);
        Assert.Contains("救助类型", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_only_csv_with_the_required_columns_reads_nothing_and_does_not_fail()
    {
        var validator = Validator(FeedFormat.Csv);

        var rows = await FeedFiles.ReadAllAsync(Required + ",备注\r\n", "text/csv", onHeader: validator.CheckHeader);

        Assert.Empty(rows);
        Assert.Equal(["备注"], validator.IgnoredColumns);
    }

    [Theory]
    [InlineData(Required + ",公民身份号码", "'身份证号码' (column 1) and '公民身份号码' (column 6) feed 身份证号码")]
    [InlineData(Required + ",姓名", "'姓名' (column 2) and '姓名' (column 6) feed 姓名")]
    [InlineData(Required + ", 姓名 ", "'姓名' (column 2) and ' 姓名 ' (column 6) feed 姓名")]
    public void Two_columns_for_one_field_fail_the_file_naming_both(string header, string named)
    {
        var validator = Validator(FeedFormat.Csv);

        var failure = Assert.Throws<FeedFormatException>(() => validator.CheckHeader(header.Split(',')));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.Contains("keep one column for each field", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_with_two_id_columns_fails_rather_than_keeping_the_second()
    {
        var validator = Validator(FeedFormat.Xlsx);
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["A"] = "身份证号码", ["B"] = "姓名", ["C"] = "救助类型", ["D"] = "享受起始日期", ["E"] = "居住地区划代码", ["F"] = "身份证号" } }, printHeader: false);

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", onHeader: validator.CheckHeader));

        Assert.Contains("'身份证号' (column 6)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_columns_are_ignored_not_failed_and_the_list_is_bounded()
    {
        var validator = Validator(FeedFormat.Csv);
        var header = Required.Split(',').Concat(Enumerable.Range(0, 10_000).Select(i => $"未知{i}")).ToList();

        validator.CheckHeader(header);

        Assert.Equal(FeedLimits.MaxIgnoredColumnsListed + 1, validator.IgnoredColumns.Count);
        Assert.Equal("未知0", validator.IgnoredColumns[0]);
        Assert.Equal("… and 9,950 more", validator.IgnoredColumns[^1]);
    }

    [Fact]
    public void An_unknown_column_name_is_shown_cut_short_and_a_column_without_a_header_by_its_number()
    {
        var validator = Validator(FeedFormat.Csv);

        validator.CheckHeader([.. Required.Split(','), new string('备', 5000), " "]);

        Assert.Equal(FeedLimits.MaxColumnNameShown + 1, validator.IgnoredColumns[0].Length);
        Assert.Equal("(column 7, no header)", validator.IgnoredColumns[1]);
    }

    [Fact]
    public void Json_keys_the_mapping_does_not_know_are_reported_as_ignored()
    {
        var validator = Validator(FeedFormat.Json);

        validator.TryAccept(new FeedRow(1, new Dictionary<string, string?> { ["身份证号码"] = "11010519491231002X", ["备注"] = "x" }), out _, out _, out _);
        validator.TryAccept(new FeedRow(2, new Dictionary<string, string?> { ["身份证号码"] = "440524188001010014", ["来源"] = "y", ["备注"] = "z" }), out _, out _, out _);

        Assert.Equal(["备注", "来源"], validator.IgnoredColumns);
    }

    [Fact]
    public void A_json_record_with_two_keys_for_one_field_is_rejected_naming_the_field_and_both_keys()
    {
        var validator = Validator(FeedFormat.Json);
        var values = new Dictionary<string, string?>
        {
            ["身份证号码"] = "11010519491231002X",
            ["公民身份号码"] = "440524188001010014",
            ["姓名"] = "王秀英",
            ["救助类型"] = "城市低保",
            ["享受起始日期"] = "2024-03-01",
            ["居住地区划代码"] = "110105003002",
        };

        Assert.False(validator.TryAccept(new FeedRow(3, values), out _, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal((3L, "身份证号码"), (rejection.Row, rejection.Field));
        Assert.Contains("'身份证号码' and '公民身份号码'", rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", rejection.Reason, StringComparison.Ordinal);
    }

    private static FeedRecordValidator Validator(FeedFormat format) => new(ShippedSources.Load("civil-affairs"), format, Hasher, FeedDates.Received);
}