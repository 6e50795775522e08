using System.Text;
using Hub.Core.Feeds.Reading;
using MiniExcelLibs;

namespace Hub.Core.Tests.Feeds.Reading;

/// <summary>Bodies that are not what they were sent as, or hold no header, fail with a reason that says what they are.</summary>
public sealed class FeedReaderShapeTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Header_only_csv_reports_its_header_and_reads_no_rows()
    {
        IReadOnlyList<string>? header = null;

        var rows = await FeedFiles.ReadAllAsync("身份证号码,姓名\r\n", "text/csv", onHeader: h => header = h);

        Assert.Empty(rows);
        Assert.Equal(["身份证号码", "姓名"], header);
    }

    [Fact]
    public async Task A_header_callback_that_throws_stops_the_file_before_any_row()
    {
        var rows = new List<Hub.Core.Feeds.FeedRow>();

        var failure = await Assert.ThrowsAsync<FeedFormatException>(async () =>
        {
            await using var stream = new MemoryStream("a,b\r\n1,2\r\n"u8.ToArray());
            await foreach (var row in FeedReader.ReadAsync(stream, new FeedContentType(FeedFormat.Csv, null), "auto", _ => throw new FeedFormatException(1, "bad header")))
            {
                rows.Add(row);
            }
        });

        Assert.Equal("bad header", failure.Message);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\r\n<html><head><title>登录</title></head><body>请登录</body></html>", "an HTML page")]
    [InlineData("  <html>\n<body>502 Bad Gateway</body></html>", "an HTML page")]
    [InlineData("<?xml version=\"1.0\"?><rows/>", "an XML document")]
    [InlineData("[{\"身份证号码\":\"11010519491231002X\",\"姓名\":\"张三\"}]", "a JSON array")]
    [InlineData("{\"身份证号码\":\"11010519491231002X\"}\n{\"身份证号码\":\"440524188001010014\"}", "JSON")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000", "a ZIP archive, such as an XLSX workbook")]
    public async Task A_body_that_is_not_csv_fails_saying_what_it_looks_like(string body, string looksLike)
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv"));

        Assert.StartsWith($"the body is not CSV: it looks like {looksLike}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_header_that_begins_with_a_bracket_is_still_csv()
    {
        var rows = await FeedFiles.ReadAllAsync("[序号],姓名\r\n1,张三\r\n", "text/csv");

        Assert.Equal("张三", Assert.Single(rows).Values["姓名"]);
    }

    [Theory]
    [InlineData("\r\n\r\n\r\n")]
    [InlineData("   \n\n")]
    [InlineData(",,\r\n,,\r\n")]
    public async Task A_csv_of_only_blank_lines_fails_for_want_of_a_header(string body)
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv"));

        Assert.Equal(1, failure.Row);
        Assert.Equal("the file has no header: it holds only blank lines", failure.Message);
    }

    [Fact]
    public async Task A_csv_whose_header_is_not_in_row_1_fails_naming_the_first_row_with_content()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync("\r\n\r\n身份证号码,姓名\r\n11010519491231002X,张三\r\n", "text/csv"));

        Assert.Contains("row 1 is blank", failure.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_of_only_a_byte_order_mark_is_empty()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(Encoding.UTF8.GetPreamble(), "text/csv"));

        Assert.Contains("no header row", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", "it is the JSON value null")]
    [InlineData("  \"11010519491231002X\"", "it is a JSON string")]
    [InlineData("42", "it is a JSON number")]
    [InlineData("{\"身份证号码\":\"11010519491231002X\"}", "it is a single JSON object")]
    [InlineData("身份证号码,姓名\r\n11010519491231002X,张三\r\n", "it is not JSON")]
    [InlineData("<html><body>Service Unavailable</body></html>", "it looks like an HTML page")]
    [InlineData(" \r\n ", "it holds only white space")]
    [InlineData("[\"11010519491231002X\", \"440524188001010014\"]", "its first element is a string")]
    [InlineData("[null]", "its first element is null")]
    [InlineData("[[1, 2], [3, 4]]", "its first element is an array")]
    public async Task A_body_that_is_not_a_json_array_of_objects_fails_saying_what_it_is(string body, string what)
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "application/json"));

        Assert.StartsWith($"the body is not a JSON array of objects: {what}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"姓名\":\"张三\"}]\n", "line 1 starts a JSON array; push a JSON array as application/json")]
    [InlineData("\n\nnull\n{\"姓名\":\"张三\"}\n", "its first record (line 3) is null, not an object")]
    [InlineData("身份证号码,姓名\n11010519491231002X,张三\n", "its first record (line 1) is not JSON")]
    [InlineData("<!doctype html><title>x</title>", "it looks like an HTML page")]
    public async Task A_body_that_is_not_ndjson_fails_saying_what_it_is(string body, string what)
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "application/x-ndjson"));

        Assert.StartsWith($"the body is not NDJSON (one JSON object per line): {what}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_of_only_blank_lines_fails()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync("\n\n  \n", "application/x-ndjson"));

        Assert.Equal("the body holds no records: it has only blank lines", failure.Message);
    }

    [Fact]
    public async Task An_html_page_sent_as_xlsx_fails_saying_it_is_one()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync("<html><body>Error</body></html>", Xlsx));

        Assert.Contains("XLSX", failure.Message, StringComparison.Ordinal);
        Assert.Contains("an HTML page", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_only_workbook_reports_its_header_and_reads_no_rows()
    {
        IReadOnlyList<string>? header = null;
        var body = Workbook(["身份证号码", "姓名", "姓名"]);

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx, onHeader: h => header = h);

        Assert.Empty(rows);
        Assert.Equal(["身份证号码", "姓名", "姓名"], header);
    }

    [Fact]
    public async Task A_workbook_with_an_empty_first_sheet_fails_for_want_of_a_header()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(Workbook(), Xlsx));

        Assert.Contains("no header", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_whose_first_row_is_blank_fails_naming_the_first_row_with_content()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(Workbook([null, null], ["身份证号码", "姓名"]), Xlsx));

        Assert.Contains("row 1 is blank", failure.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_keeps_both_cells_of_a_repeated_header_apart_in_the_header()
    {
        IReadOnlyList<string>? header = null;
        var body = Workbook(["身份证号码", "姓名", "姓名"], ["11010519491231002X", "张三", "李四"]);

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx, onHeader: h => header = h);

        Assert.Equal(3, header!.Count);
        Assert.Equal(2L, Assert.Single(rows).Number);
    }

    private static byte[] Workbook(params string?[][] rows)
    {
        using var stream = new MemoryStream();
        var sheet = rows.Select(r => r.Select((cell, i) => (Column: ((char)('A' + i)).ToString(), Cell: cell)).ToDictionary(c => c.Column, c => (object?)c.Cell)).ToList();
        stream.SaveAs(sheet, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
