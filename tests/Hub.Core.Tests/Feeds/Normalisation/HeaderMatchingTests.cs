namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>How a feed's headers are matched to the mapping: aliases, untidy headers, attribute names, and the required columns a header lacks.</summary>
public sealed class HeaderMatchingTests
{
    [Fact]
    public void Header_aliases_are_matched()
    {
        var row = CivilAffairsRows.Row(2, new()
        {
            ["身份证号"] = "11010519491231002X",
            ["姓名"] = "张三",
            ["救助类型"] = "低保",
            ["月救助金额"] = "980",
            ["开始日期"] = "2024/1/1",
            ["结束日期"] = "2024/12/31",
            ["居住地区划"] = "110105001002",
            ["户籍地区划"] = "110105",
        });

        var record = CivilAffairsRows.Accept(row);

        Assert.Equal("980", record.Attributes["assistanceAmount"]);
        Assert.Equal("2024-01-01", record.Attributes["validFrom"]);
        Assert.Equal("2024-12-31", record.Attributes["validTo"]);
        Assert.Equal("110105001002", record.Attributes["residenceDivision"]);
        Assert.Equal("110105000000", record.Attributes["registrationDivision"]);
    }

    [Fact]
    public void Headers_with_stray_spaces_full_width_characters_or_a_bom_are_matched()
    {
        var row = CivilAffairsRows.Row(2, new()
        {
            ["\uFEFF身份证号码 "] = "11010519491231002X",
            ["\u3000姓名\u3000"] = "张三",
            ["救助类型\t"] = "低保",
            ["救助金额（元）"] = "１，３００",
            [" 享受起始日期"] = "2024-01-01",
            ["居住地区划代码  "] = "110105001002",
        });

        var record = CivilAffairsRows.Accept(row);

        Assert.Equal("张三", record.Attributes["name"]);
        Assert.Equal("1300", record.Attributes["assistanceAmount"]);
    }

    [Fact]
    public void Attribute_names_are_accepted_as_headers()
    {
        var row = CivilAffairsRows.Row(2, new()
        {
            ["residentId"] = "11010519491231002X",
            ["name"] = "张三",
            ["assistanceType"] = "dibao",
            ["validFrom"] = "2024-01-01",
            ["residenceDivision"] = "110105001002",
        });

        var record = CivilAffairsRows.Accept(row);

        Assert.Equal("dibao", record.Attributes["assistanceType"]);
    }

    [Fact]
    public void Unmapped_columns_are_ignored()
    {
        var values = CivilAffairsRows.GoodValues();
        values["备注"] = "家访时不在家";

        var record = CivilAffairsRows.Accept(CivilAffairsRows.Row(2, values));

        Assert.DoesNotContain("家访时不在家", record.Attributes.Values);
    }

    [Fact]
    public void Missing_required_columns_are_listed_by_their_mapping_name()
    {
        string[] headers = ["身份证号码", "姓名", "享受起始日期", "联系电话"];

        var missing = CivilAffairsRows.Normaliser.MissingRequiredColumns(headers);

        Assert.Equal(["救助类型", "居住地区划代码"], missing);
    }

    [Fact]
    public void Aliases_and_untidy_headers_count_as_present_columns()
    {
        string[] headers = ["公民身份号码", "姓名 ", "救助类型", "开始日期", "居住地区划", "网格"];

        var missing = CivilAffairsRows.Normaliser.MissingRequiredColumns(headers);

        Assert.Empty(missing);
    }

    [Fact]
    public void Header_row_without_any_mapped_column_lacks_every_required_column()
    {
        string[] headers = ["A", "B", "C"];

        var missing = CivilAffairsRows.Normaliser.MissingRequiredColumns(headers);

        Assert.Equal(["身份证号码", "姓名", "救助类型", "享受起始日期", "居住地区划代码"], missing);
    }
}
