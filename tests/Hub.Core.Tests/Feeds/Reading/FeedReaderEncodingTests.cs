using System.Text;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

/// <summary>Bytes a file's encoding cannot read are reported with their row and column, never stored as U+FFFD.</summary>
public sealed class FeedReaderEncodingTests
{
    private const string Header = "身份证号码,姓名,现住址\r\n";

    [Fact]
    public async Task A_gb18030_file_pushed_as_utf8_fails_asking_whether_it_is_gb18030()
    {
        var body = CharsetEncoding.Gb18030.GetBytes(Header + "11010519491231002X,张三,朝阳区\r\n");

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv; charset=utf-8"));

        Assert.Equal(1, failure.Row);
        Assert.Contains("not valid UTF-8", failure.Message, StringComparison.Ordinal);
        Assert.Contains("charset=utf-8", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is the file GB18030?", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lacks", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_after_the_first_64_kb_rejects_the_rows_that_hold_it_and_names_the_column()
    {
        var text = new StringBuilder(Header);
        var row = 1;
        while (text.Length < 80_000)
        {
            row++;
            text.Append("11010519491231002X,张三,朝阳区幸福里1号\r\n");
        }

        var before = Encoding.UTF8.GetBytes(text.ToString());
        byte[] bad = [.. "440524188001010014,李"u8, 0xC4, 0xE3, .. ",南山区\r\n"u8];
        var body = before.Concat(bad).Concat("440524188001010014,王五,南山区\r\n"u8.ToArray()).ToArray();

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        var broken = Assert.Single(rows, r => r.Problem is not null);
        Assert.Equal(row + 1, broken.Number);
        Assert.Equal("姓名", broken.ProblemField);
        Assert.Contains("not valid UTF-8", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("first 64 KB are valid UTF-8", broken.Problem, StringComparison.Ordinal);
        Assert.Equal("王五", rows[^1].Values["姓名"]);
        Assert.DoesNotContain(rows.Where(r => r.Problem is null), r => r.Values.Values.Any(v => v!.Contains('\uFFFD', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bytes_that_are_not_gb18030_in_a_gb18030_file_are_reported_as_such()
    {
        var body = CharsetEncoding.Gb18030.GetBytes(Header + "11010519491231002X,张三,朝阳区\r\n")
            .Concat(new byte[] { (byte)'4', (byte)'4', (byte)',', 0x81, 0x20, (byte)',', (byte)'x', (byte)'\r', (byte)'\n' })
            .ToArray();

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv; charset=gb18030");

        Assert.Null(rows[0].Problem);
        Assert.Equal("张三", rows[0].Values["姓名"]);
        Assert.Equal("姓名", rows[1].ProblemField);
        Assert.Contains("not valid GB18030", rows[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_json_string_rejects_that_record_only()
    {
        byte[] body = [.. "[{\"姓名\":\"张三\"},{\"姓名\":\""u8, 0xC4, 0xE3, .. "\"},{\"姓名\":\"王五\"}]"u8];

        var rows = await FeedFiles.ReadAllAsync(body, "application/json");

        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].Problem);
        Assert.Contains("not valid UTF-8", rows[1].Problem, StringComparison.Ordinal);
        Assert.Equal("王五", rows[2].Values["姓名"]);
    }

    [Fact]
    public async Task Invalid_utf8_in_an_ndjson_line_rejects_that_line_only()
    {
        byte[] body = [.. "{\"姓名\":\"张三\"}\n{\"姓名\":\""u8, 0xC4, 0xE3, .. "\"}\n{\"姓名\":\"王五\"}\n"u8];

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal([null, "the record holds bytes that are not valid UTF-8 (JSON is always UTF-8); is the file GB18030?", null], rows.Select(r => r.Problem));
        Assert.Equal(2, rows[1].Number);
    }
}
