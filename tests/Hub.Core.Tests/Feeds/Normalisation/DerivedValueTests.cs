using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>Values a mapping derives from a row: a part of a column, a constant, a template, a code list default, and what an invalid value does.</summary>
public sealed class DerivedValueTests
{
    private const string Certificates = """
        {
          "id": "disability-certificates",
          "displayName": "残联 持证名册 (证号版)",
          "department": "残联",
          "fields": [
            { "column": "残疾人证号", "attribute": "residentId", "type": "residentId", "required": true, "pattern": "^(?<id>.{17}[0-9Xx])[1-7][1-4]$", "sensitivity": "l4" },
            { "column": "残疾人证号", "attribute": "disabilityCategory", "type": "code", "codeList": "类别代码", "substring": { "start": 19, "length": 1 } },
            { "column": "残疾人证号", "attribute": "disabilityGrade", "type": "wholeNumber", "substring": { "start": 20 } },
            { "column": "残疾人证号", "attribute": "disabilityCertificate", "type": "text", "sensitivity": "l3" },
            { "column": "姓名", "attribute": "name", "type": "name", "required": true },
            { "column": "联系电话", "attribute": "phone", "type": "phone" }
          ],
          "codeLists": { "类别代码": { "1": "visual", "2": "hearing", "3": "speech", "4": "physical", "5": "intellectual", "6": "psychosocial", "7": "multiple" } }
        }
        """;

    private const string Housing = """
        {
          "id": "public-rental",
          "displayName": "公租房 承租台账",
          "department": "住房保障",
          "identity": "none",
          "fields": [
            { "column": "承租人", "attribute": "name", "type": "name", "required": true },
            { "column": "联系电话", "attribute": "phone", "type": "phone" },
            { "attribute": "housingType", "type": "code", "codeList": "保障类型", "constant": "公租房" },
            { "attribute": "residenceAddress", "type": "text", "template": "{楼栋}栋{单元}单元{房号}室" },
            { "column": "入住日期", "attribute": "validFrom", "type": "date" },
            { "column": "租金类别", "attribute": "rentBand", "type": "code", "codeList": "租金类别", "default": "other" },
            { "column": "备注代码", "attribute": "remarkCode", "type": "wholeNumber", "onInvalid": "keep" }
          ],
          "codeLists": {
            "保障类型": { "公租房": "public-rental" },
            "租金类别": { "市场租金": "market", "优惠租金": "reduced" }
          }
        }
        """;

    private static readonly string Id = IdNumbers.Complete("11010519491231002");

    [Fact]
    public void An_id_inside_a_certificate_number_keys_the_record_and_its_last_two_digits_feed_category_and_grade()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Certificates), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("残疾人证号", Id + "42"), ("姓名", "张三")));

        Assert.Equal(Id, record.ResidentId?.Value);
        Assert.Equal("physical", record.Attributes["disabilityCategory"]);
        Assert.Equal("2", record.Attributes["disabilityGrade"]);
        Assert.Equal(Id + "42", record.Attributes["disabilityCertificate"]);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void A_pattern_reads_full_width_digits_as_digits()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Certificates), FeedDates.Received);
        var fullWidth = string.Concat((Id + "13").Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

        var record = CivilAffairsRows.Accept(normaliser, Row(("残疾人证号", fullWidth), ("姓名", "张三")));

        Assert.Equal(Id, record.ResidentId?.Value);
        Assert.Equal("visual", record.Attributes["disabilityCategory"]);
    }

    [Fact]
    public void A_certificate_that_does_not_fit_the_pattern_is_an_id_problem_naming_the_rule_and_the_bad_parts_are_dropped()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Certificates), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("残疾人证号", "残证" + Id[..10]), ("姓名", "张三"), ("联系电话", "13800138000")));

        Assert.False(record.IsIdentified);
        Assert.Equal(new Rejection(2, "残疾人证号 → residentId", "the value does not match the pattern of residentId"), record.IdProblem);
        Assert.Equal(
            [new ValueWarning(new Rejection(2, "残疾人证号 → disabilityCategory", "the value is too short for the substring of disabilityCategory (characters 19 to 19)"), InvalidValuePolicy.Drop),
             new ValueWarning(new Rejection(2, "残疾人证号 → disabilityGrade", "the value is too short for the substring of disabilityGrade (from character 20)"), InvalidValuePolicy.Drop)],
            record.Warnings);
        Assert.DoesNotContain("disabilityCategory", record.Attributes.Keys);
    }

    [Fact]
    public void A_constant_and_a_template_give_every_row_its_housing_type_and_a_joined_address()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("楼栋", "3"), ("单元", " 2 "), ("房号", "1502")));

        Assert.Equal("public-rental", record.Attributes["housingType"]);
        Assert.Equal("3栋2单元1502室", record.Attributes["residenceAddress"]);
    }

    [Fact]
    public void A_template_with_an_empty_column_gives_no_value_rather_than_half_an_address()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("楼栋", "3"), ("单元", "2")));

        Assert.DoesNotContain("residenceAddress", record.Attributes.Keys);
    }

    [Fact]
    public void A_required_template_needs_every_column_it_names_in_the_header()
    {
        var mapping = MappingJson.Valid(Housing.Replace("\"template\":", "\"required\": true, \"template\":", StringComparison.Ordinal));

        var missing = new RecordNormaliser(mapping, FeedDates.Received).MissingRequiredColumns(["承租人", "楼栋", "单元"]);

        Assert.Equal(["房号"], missing);
    }

    [Fact]
    public void A_source_without_ids_keeps_its_records_for_matching_with_no_id_problem()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000")));

        Assert.False(record.IsIdentified);
        Assert.Null(record.IdProblem);
        Assert.DoesNotContain("residentId", record.Attributes.Keys);
    }

    [Fact]
    public void A_record_of_a_source_without_ids_that_cannot_be_matched_is_rejected_as_a_whole()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        Assert.False(normaliser.TryNormalise(Row(("承租人", "李四"), ("楼栋", "3")), out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Null(rejection.Field);
        Assert.StartsWith("the record cannot be matched without an ID number", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_missing_from_a_code_list_with_a_default_takes_the_default()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var listed = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("租金类别", "优惠租金")));
        var unlisted = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("租金类别", "减免")));

        Assert.Equal("reduced", listed.Attributes["rentBand"]);
        Assert.Equal("other", unlisted.Attributes["rentBand"]);
    }

    [Fact]
    public void An_optional_bad_date_is_dropped_with_a_warning_that_names_the_field_and_never_the_value()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("入住日期", "李四搬入")));

        var warning = Assert.Single(record.Warnings);
        Assert.Equal((InvalidValuePolicy.Drop, "入住日期"), (warning.Outcome, warning.Problem.Field));
        Assert.DoesNotContain("李四", warning.Problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("validFrom", record.Attributes.Keys);
    }

    [Fact]
    public void A_field_that_keeps_invalid_values_stores_them_as_sent_with_a_warning()
    {
        var normaliser = new RecordNormaliser(MappingJson.Valid(Housing), FeedDates.Received);

        var record = CivilAffairsRows.Accept(normaliser, Row(("承租人", "李四"), ("联系电话", "13800138000"), ("备注代码", " 暂缺 ")));

        Assert.Equal("暂缺", record.Attributes["remarkCode"]);
        Assert.Equal(new ValueWarning(new Rejection(2, "备注代码", "not a whole number"), InvalidValuePolicy.Keep), Assert.Single(record.Warnings));
    }

    [Fact]
    public void A_field_that_rejects_invalid_values_rejects_the_record_though_it_is_optional()
    {
        var mapping = MappingJson.Valid(Housing.Replace("\"onInvalid\": \"keep\"", "\"onInvalid\": \"reject\"", StringComparison.Ordinal));

        Assert.False(new RecordNormaliser(mapping, FeedDates.Received).TryNormalise(Row(("承租人", "李四"), ("联系电话", "13800138000"), ("备注代码", "暂缺")), out _, out var rejections));

        Assert.Equal([new Rejection(2, "备注代码", "not a whole number")], rejections);
    }

    private static FeedRow Row(params (string Column, string Value)[] cells) =>
        new(2, cells.ToDictionary(c => c.Column, c => (string?)c.Value));
}
