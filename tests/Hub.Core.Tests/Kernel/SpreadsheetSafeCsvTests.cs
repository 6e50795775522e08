using System.Text;
using Hub.Core.Kernel;
using Hub.Core.Tests.Feeds.Reading;

namespace Hub.Core.Tests.Kernel;

public sealed class SpreadsheetSafeCsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("\t=1", "'\t=1")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_are_prefixed_with_an_apostrophe(string value, string expected)
    {
        var cell = SpreadsheetSafeCsv.Cell(value);

        Assert.Equal(expected, cell);
    }

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("1+1", "1+1")]
    [InlineData("a=b", "a=b")]
    [InlineData("13800138000", "13800138000")]
    [InlineData("'quoted", "'quoted")]
    public void Ordinary_cells_are_written_as_they_are(string value, string expected)
    {
        var cell = SpreadsheetSafeCsv.Cell(value);

        Assert.Equal(expected, cell);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("line1\r\nline2", "\"line1\r\nline2\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("\rx", "\"'\rx\"")]
    public void Commas_quotes_and_newlines_are_quoted_and_escaped(string value, string expected)
    {
        var cell = SpreadsheetSafeCsv.Cell(value);

        Assert.Equal(expected, cell);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Null_and_empty_are_an_empty_cell(string? value)
    {
        var cell = SpreadsheetSafeCsv.Cell(value);

        Assert.Equal(string.Empty, cell);
    }

    [Fact]
    public async Task Rows_are_written_as_utf8_with_a_bom_and_crlf()
    {
        using var stream = new MemoryStream();

        await using (var csv = new SpreadsheetSafeCsv(stream))
        {
            await csv.WriteRowAsync("row", "field", "reason");
            await csv.WriteRowAsync("2", "身份证号码", "ID number fails its check character, see =A1");
            await csv.WriteRowAsync("3", null, "=cmd|' /C calc'!A0");
        }

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "row,field,reason\r\n2,身份证号码,\"ID number fails its check character, see =A1\"\r\n3,,'=cmd|' /C calc'!A0\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task Stream_is_left_open_for_the_caller_to_upload()
    {
        using var stream = new MemoryStream();

        var csv = new SpreadsheetSafeCsv(stream);
        await csv.WriteRowAsync("a");
        await csv.DisposeAsync();

        Assert.True(stream.CanRead);
        Assert.Equal(3 + 3, stream.Length);
    }

    [Fact]
    public async Task Written_csv_reads_back_cell_for_cell()
    {
        string?[] cells = ["=SUM(A1)", "a,\"b\"\nc", "张三", null, "-5"];
        using var stream = new MemoryStream();
        await using (var csv = new SpreadsheetSafeCsv(stream))
        {
            await csv.WriteRowAsync("h1", "h2", "h3", "h4", "h5");
            await csv.WriteRowAsync(cells);
        }

        var rows = await FeedFiles.ReadAllAsync(stream.ToArray(), "text/csv");

        var row = Assert.Single(rows);
        Assert.Null(row.Problem);
        Assert.Equal(["'=SUM(A1)", "a,\"b\"\nc", "张三", string.Empty, "'-5"], row.Values.Values);
    }
}
