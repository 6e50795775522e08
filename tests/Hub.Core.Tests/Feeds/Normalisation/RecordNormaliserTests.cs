using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

public sealed class RecordNormaliserTests
{
    // These tests are about the reasons a record is rejected, so the source rejects records without a usable ID rather
    // than keeping them for matching (the default; see UnidentifiedRecordTests).
    private readonly RecordNormaliser _civilAffairs = new(ShippedSources.Load("civil-affairs") with { MatchWithoutId = false }, FeedDates.Received);

    [Fact]
    public void Good_row_yields_normalised_attributes()
    {
        var row = Row(7, GoodValues());

        var accepted = _civilAffairs.TryNormalise(row, out var record, out var rejections);

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
        var row = Row(2, new()
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

        var record = Accept(_civilAffairs, row);

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
        var values = GoodValues();
        values["救助类型"] = label;

        var record = Accept(_civilAffairs, Row(2, values));

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
        var values = GoodValues();
        values["救助金额(元)"] = raw;

        var record = Accept(_civilAffairs, Row(2, values));

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
        var values = GoodValues();
        values[column] = " ";

        var accepted = _civilAffairs.TryNormalise(Row(5, values), out var record, out var rejections);

        Assert.False(accepted);
        Assert.Null(record);
        var rejection = Assert.Single(rejections);
        Assert.Equal(new Rejection(5, column, "required value is missing"), rejection);
    }

    [Fact]
    public void Unknown_code_value_is_rejected_without_quoting_the_value()
    {
        var values = GoodValues();
        values["救助类型"] = "王小明13800138000";

        var accepted = _civilAffairs.TryNormalise(Row(4, values), out _, out var rejections);

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
        var values = GoodValues();
        values["身份证号码"] = id;

        var accepted = _civilAffairs.TryNormalise(Row(3, values), out _, out var rejections);

        Assert.False(accepted);
        var rejection = Assert.Single(rejections);
        Assert.Equal("身份证号码", rejection.Field);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("110105", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_of_a_row_is_reported_with_its_own_column()
    {
        var values = GoodValues();
        values["出生日期"] = "1949-13-31";
        values["联系电话"] = "12345";
        values["保障人数"] = "三人";
        values["救助金额(元)"] = "一千";
        values["居住地区划代码"] = "朝阳区";

        Assert.False(_civilAffairs.TryNormalise(Row(9, values), out _, out var rejections));

        Assert.All(rejections, r => Assert.Equal(9, r.Row));
        Assert.Equal(
            ["出生日期", "救助金额(元)", "保障人数", "居住地区划代码", "联系电话"],
            rejections.Select(r => r.Field));
    }

    [Fact]
    public void Header_aliases_are_matched()
    {
        var row = Row(2, new()
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

        var record = Accept(_civilAffairs, row);

        Assert.Equal("980", record.Attributes["assistanceAmount"]);
        Assert.Equal("2024-01-01", record.Attributes["validFrom"]);
        Assert.Equal("2024-12-31", record.Attributes["validTo"]);
        Assert.Equal("110105001002", record.Attributes["residenceDivision"]);
        Assert.Equal("110105000000", record.Attributes["registrationDivision"]);
    }

    [Fact]
    public void Headers_with_stray_spaces_full_width_characters_or_a_bom_are_matched()
    {
        var row = Row(2, new()
        {
            ["\uFEFF身份证号码 "] = "11010519491231002X",
            ["\u3000姓名\u3000"] = "张三",
            ["救助类型\t"] = "低保",
            ["救助金额（元）"] = "１，３００",
            [" 享受起始日期"] = "2024-01-01",
            ["居住地区划代码  "] = "110105001002",
        });

        var record = Accept(_civilAffairs, row);

        Assert.Equal("张三", record.Attributes["name"]);
        Assert.Equal("1300", record.Attributes["assistanceAmount"]);
    }

    [Fact]
    public void Attribute_names_are_accepted_as_headers()
    {
        var row = Row(2, new()
        {
            ["residentId"] = "11010519491231002X",
            ["name"] = "张三",
            ["assistanceType"] = "dibao",
            ["validFrom"] = "2024-01-01",
            ["residenceDivision"] = "110105001002",
        });

        var record = Accept(_civilAffairs, row);

        Assert.Equal("dibao", record.Attributes["assistanceType"]);
    }

    [Fact]
    public void Unmapped_columns_are_ignored()
    {
        var values = GoodValues();
        values["备注"] = "家访时不在家";

        var record = Accept(_civilAffairs, Row(2, values));

        Assert.DoesNotContain("家访时不在家", record.Attributes.Values);
    }

    [Fact]
    public void Missing_required_columns_are_listed_by_their_mapping_name()
    {
        string[] headers = ["身份证号码", "姓名", "享受起始日期", "联系电话"];

        var missing = _civilAffairs.MissingRequiredColumns(headers);

        Assert.Equal(["救助类型", "居住地区划代码"], missing);
    }

    [Fact]
    public void Aliases_and_untidy_headers_count_as_present_columns()
    {
        string[] headers = ["公民身份号码", "姓名 ", "救助类型", "开始日期", "居住地区划", "网格"];

        var missing = _civilAffairs.MissingRequiredColumns(headers);

        Assert.Empty(missing);
    }

    [Fact]
    public void Header_row_without_any_mapped_column_lacks_every_required_column()
    {
        string[] headers = ["A", "B", "C"];

        var missing = _civilAffairs.MissingRequiredColumns(headers);

        Assert.Equal(["身份证号码", "姓名", "救助类型", "享受起始日期", "居住地区划代码"], missing);
    }

    [Fact]
    public void Row_problem_becomes_a_whole_row_rejection()
    {
        var row = new FeedRow(12, GoodValues(), "row has 3 cells but the header has 14");

        var accepted = _civilAffairs.TryNormalise(row, out var record, out var rejections);

        Assert.False(accepted);
        Assert.Null(record);
        Assert.Equal([new Rejection(12, null, "row has 3 cells but the header has 14")], rejections);
    }

    [Fact]
    public void Discriminator_is_built_from_the_record_key()
    {
        var dibao = GoodValues();
        var temporary = GoodValues();
        temporary["救助类型"] = "临时救助";

        var first = Accept(_civilAffairs, Row(2, dibao));
        var second = Accept(_civilAffairs, Row(3, temporary));

        Assert.Equal("dibao", first.Discriminator);
        Assert.Equal("temporary-assistance", second.Discriminator);
    }

    [Fact]
    public void Labels_with_the_same_code_give_the_same_discriminator()
    {
        var urban = GoodValues();
        urban["救助类型"] = "城市低保";
        var rural = GoodValues();
        rural["救助类型"] = "农村低保";

        var first = Accept(_civilAffairs, Row(2, urban));
        var second = Accept(_civilAffairs, Row(3, rural));

        Assert.Equal(first.Discriminator, second.Discriminator);
    }

    [Fact]
    public void Source_without_a_record_key_has_an_empty_discriminator()
    {
        var police = new RecordNormaliser(ShippedSources.Load("police"), FeedDates.Received);
        var row = Row(2, new()
        {
            ["公民身份号码"] = "11010519491231002X",
            ["姓名"] = "张三",
            ["户籍地区划代码"] = "110105001002",
        });

        var record = Accept(police, row);

        Assert.Equal(string.Empty, record.Discriminator);
    }

    [Fact]
    public void Discriminator_of_several_key_attributes_is_joined_and_safe_in_a_table_key()
    {
        var mapping = new SourceMapping
        {
            Id = "two-keys",
            DisplayName = "two keys",
            Department = "测试",
            RecordKey = ["program", "site"],
            Fields =
            [
                new FieldMapping { Column = "身份证号码", Attribute = "residentId", Type = FieldType.ResidentId, Required = true },
                new FieldMapping { Column = "项目", Attribute = "program", Type = FieldType.Text },
                new FieldMapping { Column = "地点", Attribute = "site", Type = FieldType.Text },
            ],
        };
        var row = Row(2, new() { ["身份证号码"] = "11010519491231002X", ["项目"] = "助餐/助浴", ["地点"] = "幸福里 #2" });

        var record = Accept(new RecordNormaliser(mapping, FeedDates.Received), row);

        Assert.Equal("助餐/助浴~幸福里 #2", Uri.UnescapeDataString(record.Discriminator));
        Assert.DoesNotMatch("[/\\\\#? \t]", record.Discriminator);
    }

    private static NormalisedRecord Accept(RecordNormaliser normaliser, FeedRow row)
    {
        Assert.True(normaliser.TryNormalise(row, out var record, out var rejections), string.Join("; ", rejections));
        Assert.Empty(rejections);
        Assert.NotNull(record);
        return record;
    }

    private static FeedRow Row(long number, Dictionary<string, string?> values) => new(number, values);

    private static Dictionary<string, string?> GoodValues() => new()
    {
        ["身份证号码"] = "11010519491231002x",
        ["姓名"] = "张 三",
        ["性别"] = "女",
        ["出生日期"] = "1949/12/31",
        ["救助类型"] = "城市低保",
        ["救助金额(元)"] = "1,300",
        ["保障人数"] = "3",
        ["享受起始日期"] = "2024年1月1日",
        ["终止日期"] = "20241231",
        ["户籍地区划代码"] = "110105",
        ["居住地区划代码"] = "110105001002",
        ["网格"] = "Ｇ-07",
        ["现住址"] = "朝阳区  幸福里 1号",
        ["联系电话"] = "+86 138 0013 8000",
    };
}
