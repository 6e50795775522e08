using Hub.Core.Feeds;
using Hub.Core.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>What a row's values become: normalised attributes, or a reason per bad value that names its column and never quotes it.</summary>
public sealed class RecordNormaliserTests
{
    [Fact]
    public void Good_row_yields_normalised_attributes()
    {
        var row = CivilAffairsRows.Row(7, CivilAffairsRows.GoodValues());

        var accepted = CivilAffairsRows.Normaliser.TryNormalise(row, out var record, out var rejections);

        Assert.True(accepted, string.Join("; ", rejections));
        Assert.Empty(rejections);
        Assert.NotNull(record);
        Assert.Equal(7, record.Row);
        Assert.Equal("11010519491231002X", record.ResidentId?.Value);
        var expected = new Dictionary<string, string>
        {
            ["residentId"] = "11010519491231002X",
            ["name"] = "张三",
            ["sex"] = "female",
            ["birthDate"] = "1949-12-31",
            ["assistanceType"] = "dibao",
            ["assistanceAmount"] = "1300",
            ["householdSize"] = "3",
            ["validFrom"] = "2024-01-01",
            ["validTo"] = "2024-12-31",
            ["registrationDivision"] = "110105000000",
            ["residenceDivision"] = "110105001002",
            ["residenceGrid"] = "G-07",
            ["residenceAddress"] = "朝阳区 幸福里 1号",
            ["phone"] = "13800138000",
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), record.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_optional_values_are_absent_from_the_record()
    {
        var row = CivilAffairsRows.Row(2, new()
        {
            ["身份证号码"] = "440524188001010014",
            ["姓名"] = "李四",
            ["救助类型"] = "特困",
            ["享受起始日期"] = "2023-05-06",
            ["居住地区划代码"] = "440524001001",
            ["联系电话"] = "",
            ["终止日期"] = null,
            ["网格"] = "  ",
        });

        var record = CivilAffairsRows.Accept(row);

        Assert.Equal(["assistanceType", "name", "residenceDivision", "residentId", "validFrom"], record.Attributes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("城市低保", "dibao")]
    [InlineData("农村低保", "dibao")]
    [InlineData(" 低保边缘 ", "low-income")]
    [InlineData("特困供养", "extreme-poverty")]
    [InlineData("dibao", "dibao")]
    [InlineData("DIBAO", "dibao")]
    [InlineData("临时救助", "temporary-assistance")]
    public void Code_list_labels_and_hub_codes_both_become_the_hub_code(string label, string code)
    {
        var values = CivilAffairsRows.GoodValues();
        values["救助类型"] = label;

        var record = CivilAffairsRows.Accept(CivilAffairsRows.Row(2, values));

        Assert.Equal(code, record.Attributes["assistanceType"]);
    }

    [Theory]
    [InlineData("1300", "1300")]
    [InlineData("1,300", "1300")]
    [InlineData("1,300元", "1300")]
    [InlineData("１３００", "1300")]
    [InlineData("1300.5", "1300.5")]
    [InlineData("1300.00", "1300")]
    [InlineData("1,300.50元", "1300.5")]
    [InlineData("0.10", "0.1")]
    public void Amounts_are_normalised_to_invariant_numbers(string raw, string expected)
    {
        var values = CivilAffairsRows.GoodValues();
        values["救助金额(元)"] = raw;

        var record = CivilAffairsRows.Accept(CivilAffairsRows.Row(2, values));

        Assert.Equal(expected, record.Attributes["assistanceAmount"]);
    }

    [Theory]
    [InlineData("姓名")]
    [InlineData("救助类型")]
    [InlineData("享受起始日期")]
    [InlineData("居住地区划代码")]
    [InlineData("身份证号码")]
    public void Missing_required_value_is_rejected_naming_the_column(string column)
    {
        var values = CivilAffairsRows.GoodValues();
        values[column] = " ";

        var accepted = CivilAffairsRows.Normaliser.TryNormalise(CivilAffairsRows.Row(5, values), out var record, out var rejections);

        Assert.False(accepted);
        Assert.Null(record);
        var rejection = Assert.Single(rejections);
        Assert.Equal(new Rejection(5, column, "required value is missing"), rejection);
    }

    [Fact]
    public void Unknown_code_value_is_rejected_without_quoting_the_value()
    {
        var values = CivilAffairsRows.GoodValues();
        values["救助类型"] = "王小明13800138000";

        var accepted = CivilAffairsRows.Normaliser.TryNormalise(CivilAffairsRows.Row(4, values), out _, out var rejections);

        Assert.False(accepted);
        var rejection = Assert.Single(rejections);
        Assert.Equal(4, rejection.Row);
        Assert.Equal("救助类型", rejection.Field);
        Assert.Contains("code list 救助类型", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("城市低保", rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110105194912310021", "check character")]
    [InlineData("1.10105E+17", "spreadsheet")]
    [InlineData("11010519491331002X", "birth date")]
    [InlineData("1101051949", "expected 18")]
    public void Bad_id_is_rejected_in_the_id_column(string id, string reason)
    {
        var values = CivilAffairsRows.GoodValues();
        values["身份证号码"] = id;

        var accepted = CivilAffairsRows.Normaliser.TryNormalise(CivilAffairsRows.Row(3, values), out _, out var rejections);

        Assert.False(accepted);
        var rejection = Assert.Single(rejections);
        Assert.Equal("身份证号码", rejection.Field);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("110105", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_optional_value_of_a_row_is_dropped_with_a_warning_naming_its_own_column()
    {
        var values = CivilAffairsRows.GoodValues();
        values["出生日期"] = "1949-13-31";
        values["联系电话"] = "12345";
        values["保障人数"] = "三人";
        values["救助金额(元)"] = "一千";

        var record = CivilAffairsRows.Accept(CivilAffairsRows.Row(9, values));

        Assert.All(record.Warnings, w => Assert.Equal((9, InvalidValuePolicy.Drop), (w.Problem.Row, w.Outcome)));
        Assert.Equal(["出生日期", "救助金额(元)", "保障人数", "联系电话"], record.Warnings.Select(w => w.Problem.Field));
        Assert.DoesNotContain("birthDate", record.Attributes.Keys);
        Assert.DoesNotContain("phone", record.Attributes.Keys);
        Assert.Equal("dibao", record.Attributes["assistanceType"]);
    }

    [Fact]
    public void A_bad_required_value_still_rejects_the_record_and_the_bad_optional_values_only_warn()
    {
        var values = CivilAffairsRows.GoodValues();
        values["出生日期"] = "1949-13-31";
        values["居住地区划代码"] = "朝阳区";
        values["享受起始日期"] = "不详";

        Assert.False(CivilAffairsRows.Normaliser.TryNormalise(CivilAffairsRows.Row(9, values), out _, out var rejections));

        Assert.All(rejections, r => Assert.Equal(9, r.Row));
        Assert.Equal(["享受起始日期", "居住地区划代码"], rejections.Select(r => r.Field));
    }

    [Fact]
    public void Row_problem_becomes_a_whole_row_rejection()
    {
        var row = new FeedRow(12, CivilAffairsRows.GoodValues(), "row has 3 cells but the header has 14");

        var accepted = CivilAffairsRows.Normaliser.TryNormalise(row, out var record, out var rejections);

        Assert.False(accepted);
        Assert.Null(record);
        Assert.Equal([new Rejection(12, null, "row has 3 cells but the header has 14")], rejections);
    }
}
