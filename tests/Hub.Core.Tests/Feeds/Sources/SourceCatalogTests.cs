using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Feeds.Sources;

public sealed class SourceCatalogTests
{
    private static readonly SourceMapping Valid = new()
    {
        Id = "test-source",
        DisplayName = "测试名册",
        Department = "测试",
        RecordKey = ["programme"],
        DateFormats = ["yyyy.MM.dd"],
        Fields =
        [
            new FieldMapping { Column = "身份证号码", Aliases = ["身份证号"], Attribute = "residentId", Type = FieldType.ResidentId, Required = true },
            new FieldMapping { Column = "姓名", Attribute = "name", Type = FieldType.Name, Required = true },
            new FieldMapping { Column = "项目", Attribute = "programme", Type = FieldType.Code, CodeList = "项目", Required = true },
        ],
        CodeLists = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["项目"] = new Dictionary<string, string> { ["助餐"] = "meals" },
        },
    };

    [Fact]
    public void The_four_shipped_mappings_load()
    {
        var catalog = SourceCatalog.Load(ShippedFiles.SourcesFolder);

        Assert.Equal(["civil-affairs", "disability-federation", "housing-security", "police"], catalog.All.Select(s => s.Id));
    }

    [Theory]
    [InlineData("civil-affairs")]
    [InlineData("disability-federation")]
    [InlineData("housing-security")]
    [InlineData("police")]
    public void Each_shipped_mapping_validates_without_errors(string id)
    {
        var mapping = ShippedSources.Load(id);

        var errors = SourceCatalog.Validate(mapping);

        Assert.Empty(errors);
        Assert.Equal(id, mapping.Id);
        Assert.Equal(id, mapping.SourceId.Value);
        Assert.Equal("residentId", mapping.ResidentIdField.Attribute);
        Assert.True(mapping.ResidentIdField.Required);
        Assert.Equal(Sensitivity.L4, mapping.ResidentIdField.Sensitivity);
    }

    [Fact]
    public void Shipped_mappings_read_enums_and_code_lists_from_the_file()
    {
        var civil = ShippedSources.Load("civil-affairs");

        var assistance = civil.Fields.Single(f => f.Attribute == "assistanceType");

        Assert.Equal(FieldType.Code, assistance.Type);
        Assert.Equal(Sensitivity.L3, assistance.Sensitivity);
        Assert.Equal(SharingType.Conditional, assistance.Sharing);
        Assert.Equal("dibao", civil.CodeLists["救助类型"]["城市低保"]);
        Assert.Equal(["assistanceType"], civil.RecordKey);
        Assert.Equal(["身份证号码", "身份证号", "公民身份号码"], civil.ResidentIdField.Headers);
    }

    [Fact]
    public void Catalogue_finds_a_source_by_id()
    {
        var catalog = SourceCatalog.Load(ShippedFiles.SourcesFolder);

        Assert.True(catalog.TryGet("police", out var police));
        Assert.Equal("公安", police.Department);
        Assert.False(catalog.TryGet("Police", out _));
        Assert.False(catalog.TryGet("health-commission", out _));
    }

    [Fact]
    public void The_test_mapping_is_valid_to_begin_with()
    {
        var errors = SourceCatalog.Validate(Valid);

        Assert.Empty(errors);
    }

    [Fact]
    public void Two_resident_id_fields_are_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "证件号码", Attribute = "otherId", Type = FieldType.ResidentId }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["exactly one field must have type residentId"], errors);
    }

    [Fact]
    public void No_resident_id_field_is_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields.Where(f => f.Type != FieldType.ResidentId)] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["exactly one field must have type residentId"], errors);
    }

    [Fact]
    public void Duplicate_attribute_is_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "曾用名", Attribute = "name", Type = FieldType.Name }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["attribute 'name' is mapped twice"], errors);
    }

    [Fact]
    public void Duplicate_column_or_alias_is_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "证件", Aliases = ["身份证号"], Attribute = "document" }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["column '身份证号' is mapped twice"], errors);
    }

    [Fact]
    public void Undefined_code_list_is_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "性别", Attribute = "sex", Type = FieldType.Code, CodeList = "性别" }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["field '性别' has type code but its codeList '性别' is not defined"], errors);
    }

    [Fact]
    public void Code_field_without_a_code_list_is_reported()
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "性别", Attribute = "sex", Type = FieldType.Code }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Single(errors);
        Assert.StartsWith("field '性别' has type code but its codeList", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_record_key_attribute_is_reported()
    {
        var mapping = Valid with { RecordKey = ["programme", "assistanceType"] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["recordKey attribute 'assistanceType' is not mapped"], errors);
    }

    [Theory]
    [InlineData("Civil-Affairs")]
    [InlineData("civil_affairs")]
    [InlineData("1civil")]
    [InlineData("c")]
    [InlineData("民政")]
    [InlineData("civil affairs")]
    [InlineData("a2345678901234567890123456789012345678901")]
    public void Bad_id_is_reported(string id)
    {
        var mapping = Valid with { Id = id };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["id must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter"], errors);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("yyyy-MM-dd'")]
    [InlineData("\\")]
    [InlineData("")]
    public void Bad_date_format_is_reported(string format)
    {
        var mapping = Valid with { DateFormats = ["yyyy.MM.dd", format] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal([$"date format '{format}' is not a valid .NET date format"], errors);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("gbk")]
    [InlineData("UTF-8")]
    public void Encoding_other_than_auto_utf8_or_gb18030_is_reported(string encoding)
    {
        var mapping = Valid with { Encoding = encoding };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(["encoding must be auto, utf-8 or gb18030"], errors);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("resident-id")]
    [InlineData("姓名")]
    [InlineData("a")]
    public void Attribute_that_is_not_camel_case_is_reported(string attribute)
    {
        var mapping = Valid with { Fields = [.. Valid.Fields, new FieldMapping { Column = "备注", Attribute = attribute }] };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal([$"attribute '{attribute}' must be camelCase letters and digits"], errors);
    }

    [Fact]
    public void Every_problem_of_a_mapping_is_reported_at_once()
    {
        var mapping = Valid with { Id = "Bad Id", RecordKey = ["nothing"], Encoding = "big5" };

        var errors = SourceCatalog.Validate(mapping);

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Catalogue_refuses_an_invalid_mapping_naming_it()
    {
        var mapping = Valid with { RecordKey = ["nothing"] };

        var exception = Assert.Throws<InvalidDataException>(() => new SourceCatalog([mapping]));

        Assert.Contains("'test-source'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("recordKey attribute 'nothing' is not mapped", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_refuses_two_mappings_with_one_id()
    {
        var exception = Assert.Throws<InvalidDataException>(() => new SourceCatalog([Valid, Valid with { DisplayName = "another" }]));

        Assert.Contains("'test-source'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_reported_with_its_configuration_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hub-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<DirectoryNotFoundException>(() => SourceCatalog.Load(folder));

        Assert.Contains("Hub:Sources:Path", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", ")]
    [InlineData("{ \"id\": \"test\", \"displayName\": \"t\", \"department\": \"t\", \"fields\": [ { \"column\": \"a\", \"attribute\": \"a\", \"type\": \"bogus\" } ] }")]
    [InlineData("{ \"id\": \"test\", \"displayName\": \"t\", \"department\": \"t\", \"fields\": [ { \"column\": \"a\", \"attribute\": \"a\", \"type\": 3 } ] }")]
    [InlineData("{ \"id\": \"test\", \"displayName\": \"t\", \"department\": \"t\" }")]
    [InlineData("null")]
    public void Unreadable_mapping_file_is_reported_naming_the_file(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-mapping-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var exception = Assert.Throws<InvalidDataException>(() => SourceCatalog.LoadFile(file));

            Assert.Contains(file, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
