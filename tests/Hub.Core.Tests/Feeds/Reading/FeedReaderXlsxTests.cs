using System.Text;
using Hub.Core.Feeds.Reading;
using Hub.Core.Kernel;
using MiniExcelLibs;

namespace Hub.Core.Tests.Feeds.Reading;

public sealed class FeedReaderXlsxTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Numeric_id_cell_comes_out_in_scientific_notation_and_is_rejected_as_mangled()
    {
        var body = Workbook(new Dictionary<string, object?> { ["身份证号码"] = 110105194912310020d, ["姓名"] = "张三" });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        var id = Assert.Single(rows).Values["身份证号码"];
        Assert.Equal("1.10105E+17", id);
        Assert.False(ResidentId.TryParse(id, out _, out var reason));
        Assert.Contains("spreadsheet", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Id_stored_as_text_comes_out_whole()
    {
        var body = Workbook(new Dictionary<string, object?> { ["身份证号码"] = "11010519491231002X", ["姓名"] = "张三" });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        Assert.Equal("11010519491231002X", Assert.Single(rows).Values["身份证号码"]);
    }

    [Fact]
    public async Task Legacy_15_digit_id_stored_as_a_number_keeps_its_digits()
    {
        var body = Workbook(new Dictionary<string, object?> { ["身份证号码"] = 110105491231002d });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        var id = Assert.Single(rows).Values["身份证号码"];
        Assert.Equal("110105491231002", id);
        Assert.Equal("11010519491231002X", ResidentId.Parse(id!).Value);
    }

    [Fact]
    public async Task Date_cells_come_out_as_yyyy_MM_dd()
    {
        var body = Workbook(
            new Dictionary<string, object?> { ["身份证号码"] = "11010519491231002X", ["出生日期"] = new DateTime(1949, 12, 31) },
            new Dictionary<string, object?> { ["身份证号码"] = "440524188001010014", ["出生日期"] = new DateTime(1990, 1, 2, 8, 30, 0) });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        Assert.Equal("1949-12-31", rows[0].Values["出生日期"]);
        Assert.Equal("1990-01-02 08:30:00", rows[1].Values["出生日期"]);
    }

    [Fact]
    public async Task Number_cells_come_out_as_invariant_text()
    {
        var body = Workbook(new Dictionary<string, object?> { ["救助金额(元)"] = 1300.5d, ["保障人数"] = 3, ["月租金"] = 1300d });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        var row = Assert.Single(rows);
        Assert.Equal("1300.5", row.Values["救助金额(元)"]);
        Assert.Equal("3", row.Values["保障人数"]);
        Assert.Equal("1300", row.Values["月租金"]);
    }

    [Fact]
    public async Task Header_is_row_1_and_empty_rows_are_skipped_but_keep_their_number()
    {
        var body = Workbook(
            new Dictionary<string, object?> { ["身份证号码"] = "11010519491231002X", ["姓名"] = "张三" },
            new Dictionary<string, object?> { ["身份证号码"] = null, ["姓名"] = null },
            new Dictionary<string, object?> { ["身份证号码"] = "440524188001010014", ["姓名"] = "李四" });

        var rows = await FeedFiles.ReadAllAsync(body, Xlsx);

        Assert.Equal([2L, 4L], rows.Select(r => r.Number));
        Assert.Equal(["张三", "李四"], rows.Select(r => r.Values["姓名"]));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Theory]
    [InlineData("身份证号码,姓名\r\n11010519491231002X,张三\r\n")]
    [InlineData("")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    public async Task Body_that_is_not_a_workbook_raises_a_format_error(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        var exception = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, Xlsx));

        Assert.Contains("XLSX", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_sheet_is_read_as_the_first_is_and_the_sheets_are_listed_in_order()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(
            new Dictionary<string, object>
            {
                ["说明"] = new[] { new Dictionary<string, object?> { ["填表说明"] = "每人一行" } },
                ["名册"] = new[] { new Dictionary<string, object?> { ["身份证号码"] = "11010519491231002X", ["出生日期"] = new DateTime(1949, 12, 31) } },
            },
            excelType: ExcelType.XLSX);
        var headers = new List<string>();

        stream.Position = 0;
        var sheets = FeedReader.SheetNames(stream);
        stream.Position = 0;
        var rows = new List<Hub.Core.Feeds.FeedRow>();
        await foreach (var row in FeedReader.ReadSheetAsync(stream, "名册", headers.AddRange))
        {
            rows.Add(row);
        }

        Assert.Equal(["说明", "名册"], sheets);
        Assert.Equal(["身份证号码", "出生日期"], headers);
        Assert.Equal("1949-12-31", Assert.Single(rows).Values["出生日期"]);
    }

    [Fact]
    public void Sheet_names_of_a_body_that_is_no_workbook_fail_as_a_feed_format_problem()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("姓名,性别\r\n"));

        var ex = Assert.Throws<FeedFormatException>(() => FeedReader.SheetNames(stream));

        Assert.Contains("not a readable XLSX workbook", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
