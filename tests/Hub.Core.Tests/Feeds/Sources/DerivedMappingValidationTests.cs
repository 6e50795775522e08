using Hub.Core.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Sources;

/// <summary>A mapping's derivations are checked when it loads, each error naming the field and the key at fault.</summary>
public sealed class DerivedMappingValidationTests : IDisposable
{
    private const string Template = """
        {
          "id": "derived-test",
          "displayName": "测试",
          "department": "测试",
          "fields": [
            { "column": "证号", "attribute": "residentId", "type": "residentId", "required": true },
            { "column": "姓名", "attribute": "name", "type": "name", "required": true },
            FIELD
          ],
          "codeLists": { "类型": { "公租房": "public-rental" } }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("hub-derived-").FullName;

    [Theory]
    [InlineData("""{ "column": "证号", "attribute": "category", "substring": { "start": 19, "length": 1 } }""")]
    [InlineData("""{ "attribute": "housingType", "type": "code", "codeList": "类型", "constant": "公租房" }""")]
    [InlineData("""{ "attribute": "housingType", "type": "code", "codeList": "类型", "constant": "public-rental" }""")]
    [InlineData("""{ "attribute": "address", "template": "{楼栋}栋{单元}单元" }""")]
    [InlineData("""{ "column": "类别", "attribute": "housingType", "type": "code", "codeList": "类型", "default": "other", "onInvalid": "keep" }""")]
    public void Each_construct_written_as_documented_is_valid(string field)
    {
        var errors = SourceCatalog.Validate(MappingJson.Parse(Template.Replace("FIELD", field, StringComparison.Ordinal)));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{ "attribute": "address", "type": "text" }""", "field 'address' ('address') must take its value from exactly one of column, constant or template")]
    [InlineData("""{ "column": "地址", "attribute": "address", "constant": "x" }""", "field '地址' ('address') must take its value from exactly one of column, constant or template")]
    [InlineData("""{ "column": "证号", "attribute": "category", "pattern": "^.{18}(\\d)" }""", "field '证号' pattern must have exactly one named group, the part the field takes, e.g. (?<id>.{18})")]
    [InlineData("""{ "column": "证号", "attribute": "category", "pattern": "(?<a>\\d)(?<b>\\d)" }""", "field '证号' pattern must have exactly one named group, the part the field takes, e.g. (?<id>.{18})")]
    [InlineData("""{ "column": "证号", "attribute": "category", "substring": { "start": 0 } }""", "field '证号' substring must start at 1 or later (the first character is 1) and take at least 1 character")]
    [InlineData("""{ "attribute": "address", "template": "楼栋单元" }""", "field 'address' template must name its columns in braces, e.g. \"{楼栋}栋{单元}单元{房号}室\", with no other braces")]
    [InlineData("""{ "attribute": "address", "template": "{楼栋}栋{单元" }""", "field 'address' template must name its columns in braces, e.g. \"{楼栋}栋{单元}单元{房号}室\", with no other braces")]
    [InlineData("""{ "column": "类别", "attribute": "category", "default": "other" }""", "field '类别' has a default but is not of type code; a default is the code for labels missing from the code list")]
    [InlineData("""{ "attribute": "housingType", "type": "code", "codeList": "类型", "constant": "廉租房" }""", "field 'housingType' constant '廉租房' is neither a label nor a code of its codeList '类型'")]
    [InlineData("""{ "column": "入住日期", "attribute": "validFrom", "type": "date", "required": true, "onInvalid": "drop" }""", "field '入住日期' is required, so an invalid value rejects the record: onInvalid must be reject (or left out)")]
    [InlineData("""{ "attribute": "flag", "constant": "1", "pattern": "(?<x>1)" }""", "field 'flag' is a constant, so it takes no pattern or substring; write the constant as it should be")]
    public void A_mistake_in_a_derivation_is_named_with_its_field_and_key(string field, string error)
    {
        var errors = SourceCatalog.Validate(MappingJson.Parse(Template.Replace("FIELD", field, StringComparison.Ordinal)));

        Assert.Equal([error], errors);
    }

    [Fact]
    public void The_resident_id_field_takes_no_invalid_value_policy()
    {
        var mapping = MappingJson.Parse(Template.Replace("\"required\": true }", "\"required\": true, \"onInvalid\": \"keep\" }", StringComparison.Ordinal).Replace("FIELD", """{ "column": "电话", "attribute": "phone", "type": "phone" }""", StringComparison.Ordinal));

        var errors = SourceCatalog.Validate(mapping);

        Assert.Contains("field '证号' has type residentId, whose unusable values matchWithoutId governs: remove onInvalid", errors);
    }

    [Fact]
    public void One_column_may_feed_several_attributes_but_one_header_may_not_stand_for_two_columns()
    {
        var shared = MappingJson.Parse(Template.Replace("FIELD", """{ "column": "证号", "attribute": "certificate" }""", StringComparison.Ordinal));
        var claimed = MappingJson.Parse(Template.Replace("FIELD", """{ "column": "证件", "aliases": ["证号"], "attribute": "certificate" }""", StringComparison.Ordinal));

        Assert.Empty(SourceCatalog.Validate(shared));
        Assert.Equal(["column '证号' is mapped twice"], SourceCatalog.Validate(claimed));
    }

    [Fact]
    public void A_source_without_ids_may_not_map_an_id_and_needs_fields_to_match_by()
    {
        var withId = MappingJson.Parse(Template.Replace("\"fields\"", "\"identity\": \"none\", \"fields\"", StringComparison.Ordinal).Replace("FIELD", """{ "column": "电话", "attribute": "phone", "type": "phone" }""", StringComparison.Ordinal));
        var nothingToMatch = MappingJson.Parse("""
            { "id": "no-ids", "displayName": "测试", "department": "测试", "identity": "none", "matchWithoutId": false,
              "fields": [ { "column": "姓名", "attribute": "name", "type": "name" } ] }
            """);

        Assert.Equal(["identity is none, so no field may have type residentId; remove the field or the identity key"], SourceCatalog.Validate(withId));
        Assert.Equal(
            ["identity is none, so records can only be matched: matchWithoutId cannot be false",
             "identity is none, so records are matched by their other fields: map a 'name' field and a 'birthDate', phone or division field"],
            SourceCatalog.Validate(nothingToMatch));
    }

    [Fact]
    public void Loading_a_folder_names_the_file_the_source_and_the_key_at_fault()
    {
        var file = Path.Combine(_folder, "public-rental.json");
        File.WriteAllText(file, Template.Replace("FIELD", """{ "column": "证号", "attribute": "category", "pattern": "(" }""", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidDataException>(() => SourceCatalog.Load(_folder));

        Assert.StartsWith($"Source mapping file '{file}' (source 'derived-test') is invalid: field '证号' pattern is not a valid regular expression", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_invalid_value_policy_is_refused_naming_the_file_and_the_key()
    {
        var file = Path.Combine(_folder, "bad-policy.json");
        File.WriteAllText(file, Template.Replace("FIELD", """{ "column": "日期", "attribute": "validFrom", "type": "date", "onInvalid": "ignore" }""", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidDataException>(() => SourceCatalog.LoadFile(file));

        Assert.Contains(file, exception.Message, StringComparison.Ordinal);
        Assert.Contains("onInvalid", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
