using System.Text;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

public sealed class FeedReaderJsonTests
{
    [Fact]
    public async Task Array_of_objects_gives_one_row_per_element_numbered_from_1()
    {
        var body = """
            [
              { "身份证号码": "11010519491231002X", "姓名": "张三" },
              { "身份证号码": "440524188001010014", "姓名": "李四" }
            ]
            """;

        var rows = await FeedFiles.ReadAllAsync(body, "application/json");

        Assert.Equal([1L, 2L], rows.Select(r => r.Number));
        Assert.Equal(["张三", "李四"], rows.Select(r => r.Values["姓名"]));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Numbers_and_booleans_are_kept_as_their_raw_text_and_null_as_null()
    {
        var body = """[{ "救助金额": 1300.50, "保障人数": 3, "身份证号码": 110105194912310020, "在册": true, "备注": null }]""";

        var rows = await FeedFiles.ReadAllAsync(body, "application/json");

        var values = Assert.Single(rows).Values;
        Assert.Equal("1300.50", values["救助金额"]);
        Assert.Equal("3", values["保障人数"]);
        Assert.Equal("110105194912310020", values["身份证号码"]);
        Assert.Equal("true", values["在册"]);
        Assert.True(values.ContainsKey("备注"));
        Assert.Null(values["备注"]);
    }

    [Fact]
    public async Task Nested_object_or_array_gives_a_row_problem_and_other_rows_are_read()
    {
        var body = """
            [
              { "身份证号码": "11010519491231002X", "地址": { "区": "朝阳区" } },
              { "身份证号码": "440524188001010014", "电话": ["13800138000"] },
              { "身份证号码": "440524188001010014", "姓名": "李四" }
            ]
            """;

        var rows = await FeedFiles.ReadAllAsync(body, "application/json");

        Assert.Equal(3, rows.Count);
        Assert.Equal("property '地址' is an object or array, expected a plain value", rows[0].Problem);
        Assert.Equal("property '电话' is an object or array, expected a plain value", rows[1].Problem);
        Assert.DoesNotContain("13800138000", rows[1].Problem, StringComparison.Ordinal);
        Assert.Null(rows[2].Problem);
        Assert.Equal("李四", rows[2].Values["姓名"]);
        Assert.Empty(rows[2].NestedKeys);
    }

    [Fact]
    public async Task A_record_with_nested_values_names_every_nested_key_and_keeps_its_plain_values()
    {
        var body = """
            [
              { "地址": { "区": "朝阳区" }, "身份证号码": "11010519491231002X", "电话": ["13800138000"], "姓名": "张三" }
            ]
            """;

        var row = Assert.Single(await FeedFiles.ReadAllAsync(body, "application/json"));

        Assert.Equal("property '地址' is an object or array, expected a plain value", row.Problem);
        Assert.Equal("地址", row.ProblemField);
        Assert.Equal(["地址", "电话"], row.NestedKeys);
        Assert.Equal(["身份证号码", "姓名"], row.Values.Keys);
        Assert.DoesNotContain("朝阳区", string.Concat(row.Values.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Element_that_is_not_an_object_gives_a_row_problem()
    {
        var body = """[ { "姓名": "张三" }, "11010519491231002X", 42 ]""";

        var rows = await FeedFiles.ReadAllAsync(body, "application/json");

        Assert.Equal([null, "record is not a JSON object", "record is not a JSON object"], rows.Select(r => r.Problem));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Empty_array_has_no_rows()
    {
        var rows = await FeedFiles.ReadAllAsync("[]", "application/json");

        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("""[ { "姓名": "张三" }, { "姓名": "李四", ]""")]
    [InlineData("""[ { "姓名": "张三" } """)]
    [InlineData("""{ "姓名": "张三" }""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_json_raises_a_format_error(string body)
    {
        var exception = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "application/json"));

        Assert.True(exception.Row >= 1);
        Assert.Contains("JSON", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(5000)]
    public async Task Malformed_json_error_names_the_element_that_broke(int good)
    {
        var elements = Enumerable.Range(0, good).Select(i => $"{{\"姓名\":\"张三\",\"序号\":{i}}}").Append("{\"姓名\": ]");
        var body = "[" + string.Join(",", elements);

        var exception = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "application/json"));

        Assert.Equal(good + 1, exception.Row);
        Assert.Contains($"element {good + 1} ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_gives_one_row_per_line()
    {
        var body = "{\"身份证号码\":\"11010519491231002X\",\"姓名\":\"张三\"}\n{\"身份证号码\":\"440524188001010014\",\"姓名\":\"李四\",\"保障人数\":2}\n";

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal([1L, 2L], rows.Select(r => r.Number));
        Assert.Equal("李四", rows[1].Values["姓名"]);
        Assert.Equal("2", rows[1].Values["保障人数"]);
    }

    [Fact]
    public async Task Ndjson_broken_line_gets_a_problem_and_other_lines_are_fine()
    {
        var body = "{\"姓名\":\"张三\"}\r\n{\"姓名\":\"王五\", \"身份证号码\": \r\n{\"姓名\":\"李四\"}\r\n";

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Problem);
        Assert.Equal("张三", rows[0].Values["姓名"]);
        Assert.Equal(2, rows[1].Number);
        Assert.Equal("line is not valid JSON", rows[1].Problem);
        Assert.Empty(rows[1].Values);
        Assert.Null(rows[2].Problem);
        Assert.Equal("李四", rows[2].Values["姓名"]);
    }

    [Fact]
    public async Task Ndjson_blank_lines_are_skipped_but_keep_their_line_number()
    {
        var body = "{\"姓名\":\"张三\"}\n\n   \n{\"姓名\":\"李四\"}";

        var rows = await FeedFiles.ReadAllAsync(body, "application/ndjson");

        Assert.Equal([1L, 4L], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Ndjson_line_after_the_first_that_is_not_an_object_gets_a_problem()
    {
        var body = "{\"姓名\":\"张三\"}\n[1,2]\n\"text\"\nnull\n";

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal([null, "record is not a JSON object", "record is not a JSON object", "record is not a JSON object"], rows.Select(r => r.Problem));
    }

    [Fact]
    public async Task Ndjson_with_a_utf8_bom_is_read()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"姓名\":\"张三\"}\n")).ToArray();

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Null(Assert.Single(rows).Problem);
    }
}
