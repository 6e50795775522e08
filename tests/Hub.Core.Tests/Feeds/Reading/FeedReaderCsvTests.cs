using System.Text;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Reading;

public sealed class FeedReaderCsvTests
{
    private const string Register = "身份证号码,姓名,现住址\r\n11010519491231002X,张三,朝阳区幸福里1号\r\n440524188001010014,李四,南山区\r\n";

    [Fact]
    public async Task Utf8_without_bom_is_read()
    {
        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Register);

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal("张三", rows[0].Values["姓名"]);
        Assert.Equal("南山区", rows[1].Values["现住址"]);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Utf8_with_bom_is_read_and_the_bom_is_not_part_of_the_first_header()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Register)).ToArray();

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(["身份证号码", "姓名", "现住址"], rows[0].Values.Keys);
        Assert.Equal("11010519491231002X", rows[0].Values["身份证号码"]);
    }

    [Fact]
    public async Task Utf8_with_bom_wins_over_a_configured_gb18030()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Register)).ToArray();

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv", configuredEncoding: "gb18030");

        Assert.Equal("张三", rows[0].Values["姓名"]);
    }

    [Fact]
    public async Task Gb18030_without_bom_or_charset_is_detected()
    {
        var body = CharsetEncoding.Gb18030.GetBytes(Register);
        Assert.NotEqual(Encoding.UTF8.GetBytes(Register), body);

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(["身份证号码", "姓名", "现住址"], rows[0].Values.Keys);
        Assert.Equal("张三", rows[0].Values["姓名"]);
        Assert.Equal("南山区", rows[1].Values["现住址"]);
    }

    [Fact]
    public async Task Gb18030_file_whose_only_chinese_is_its_last_character_is_detected()
    {
        var body = CharsetEncoding.Gb18030.GetBytes("residentId,sex\r\n11010519491231002X,男");

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal("男", Assert.Single(rows).Values["sex"]);
    }

    [Theory]
    [InlineData("text/csv; charset=gb18030")]
    [InlineData("text/csv; charset=GBK")]
    [InlineData("text/csv; charset=gb2312")]
    [InlineData("text/csv; charset=\"gb18030\"")]
    public async Task Gb18030_declared_by_charset_is_read(string contentType)
    {
        var body = CharsetEncoding.Gb18030.GetBytes(Register);

        var rows = await FeedFiles.ReadAllAsync(body, contentType);

        Assert.Equal("张三", rows[0].Values["姓名"]);
        Assert.Equal("朝阳区幸福里1号", rows[0].Values["现住址"]);
    }

    [Fact]
    public async Task Characters_outside_gbk_survive_a_gb18030_file()
    {
        // 𠀀 (U+20000) and 䶮 are encoded by GB18030's four-byte sequences, which GBK lacks.
        var body = CharsetEncoding.Gb18030.GetBytes("身份证号码,姓名\r\n11010519491231002X,刘𠀀䶮\r\n");

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv; charset=gb18030");

        Assert.Equal("刘𠀀䶮", rows[0].Values["姓名"]);
    }

    [Fact]
    public async Task Configured_gb18030_is_used_when_the_bytes_could_be_either()
    {
        // The GB18030 bytes of 佟伟 (D9 A1 CE B0) are also valid UTF-8, so sniffing cannot tell them apart.
        var body = CharsetEncoding.Gb18030.GetBytes("residentId,name\r\n11010519491231002X,佟伟\r\n");

        var sniffed = await FeedFiles.ReadAllAsync(body, "text/csv");
        var configured = await FeedFiles.ReadAllAsync(body, "text/csv", configuredEncoding: "gb18030");

        Assert.NotEqual("佟伟", sniffed[0].Values["name"]);
        Assert.Equal("佟伟", configured[0].Values["name"]);
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_newlines()
    {
        var body = "身份证号码,现住址,姓名\r\n11010519491231002X,\"朝阳区,幸福里\r\n1号楼\",\"张\"\"三\"\"\"\r\n440524188001010014,南山区,李四\r\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal("朝阳区,幸福里\r\n1号楼", rows[0].Values["现住址"]);
        Assert.Equal("张\"三\"", rows[0].Values["姓名"]);
        Assert.Null(rows[0].Problem);
        Assert.Equal("李四", rows[1].Values["姓名"]);
    }

    [Fact]
    public async Task Header_is_row_1_and_the_first_record_row_2()
    {
        var rows = await FeedFiles.ReadAllAsync(Register, "text/csv");

        Assert.Equal([2L, 3L], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task A_record_spanning_lines_is_still_one_spreadsheet_row()
    {
        var body = "a,b\n1,\"x\ny\nz\"\n2,w\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal([2L, 3L], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_but_keep_their_row_number()
    {
        var body = "a,b\r\n1,2\r\n\r\n3,4\r\n   \r\n5,6\r\n\r\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(["1", "3", "5"], rows.Select(r => r.Values["a"]));
        Assert.Equal([2L, 4L, 6L], rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Row_with_the_wrong_number_of_cells_gets_a_problem()
    {
        var body = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(4, rows.Count);
        Assert.Null(rows[0].Problem);
        Assert.Equal("row has 2 cells but the header has 3", rows[1].Problem);
        Assert.Equal(3, rows[1].Number);
        Assert.Equal("row has 4 cells but the header has 3", rows[2].Problem);
        Assert.Equal(4, rows[2].Number);
        Assert.Null(rows[3].Problem);
        Assert.Equal("12", rows[3].Values["c"]);
    }

    [Fact]
    public async Task Short_row_still_carries_every_header_so_the_header_can_be_checked_from_the_first_row()
    {
        // The feed processor checks required columns against the first row's keys; an export that drops trailing
        // empty cells must not make a complete header look incomplete.
        var normaliser = new RecordNormaliser(ShippedSources.Load("police"), FeedDates.Received);
        var body = "公民身份号码,姓名,民族,户籍地区划代码\r\n11010519491231002X,张三\r\n440524188001010014,李四,汉族,440524\r\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(["公民身份号码", "姓名", "民族", "户籍地区划代码"], rows[0].Values.Keys);
        Assert.Null(rows[0].Values["户籍地区划代码"]);
        Assert.NotNull(rows[0].Problem);
        Assert.Empty(normaliser.MissingRequiredColumns(rows[0].Values.Keys));
    }

    [Fact]
    public async Task Row_with_the_wrong_number_of_cells_does_not_quote_its_content_in_the_problem()
    {
        var body = "身份证号码,姓名,电话\n11010519491231002X,张三\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        var problem = Assert.Single(rows).Problem;
        Assert.NotNull(problem);
        Assert.DoesNotContain("张三", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("110105", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_only_file_has_no_rows()
    {
        var rows = await FeedFiles.ReadAllAsync("身份证号码,姓名\r\n", "text/csv");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Unclosed_quote_raises_a_format_error_with_its_row()
    {
        var body = "a,b\n1,2\n3,\"4\n5,6\n";

        var exception = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv"));

        Assert.Equal(3, exception.Row);
        Assert.Contains("row 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unmatched_quote_in_mid_file_is_reported_at_the_row_it_opened()
    {
        var body = "a,b\n1,2\n3,\"4\n5,6\n7,\"8\"\n9,10\n";

        var exception = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv"));

        Assert.Equal(3, exception.Row);
    }

    [Fact]
    public async Task Quote_inside_an_unquoted_cell_is_kept_as_text()
    {
        var body = "a,b\n1,x\"2\n3,4\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(["x\"2", "4"], rows.Select(r => r.Values["b"]));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }
}
