using System.Text;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

/// <summary>Large cells and many columns are read; only a row past <see cref="FeedLimits.MaxRowCharacters"/> is refused.</summary>
public sealed class FeedReaderSizeTests
{
    [Fact]
    public async Task A_120_kb_cell_is_read_whole_and_the_rows_after_it_too()
    {
        var body = $"身份证号码,备注\r\n11010519491231002X,{new string('长', 120_000)}\r\n440524188001010014,短\r\n";

        var rows = await FeedFiles.ReadAllAsync(body, "text/csv");

        Assert.Equal(120_000, rows[0].Values["备注"]!.Length);
        Assert.Equal("短", rows[1].Values["备注"]);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task A_csv_row_longer_than_the_row_limit_fails_naming_its_row()
    {
        var body = $"a,b\r\n1,2\r\n3,{new string('x', FeedLimits.MaxRowCharacters + 10)}\r\n";

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => FeedFiles.ReadAllAsync(body, "text/csv"));

        Assert.Equal(3, failure.Row);
        Assert.Contains("row 3 is longer than 1,048,576 characters", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_columns_are_read()
    {
        var header = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"列{i}"));
        var row = string.Join(',', Enumerable.Range(0, 10_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        IReadOnlyList<string>? columns = null;

        var rows = await FeedFiles.ReadAllAsync($"{header}\r\n{row}\r\n", "text/csv", onHeader: h => columns = h);

        Assert.Equal(10_000, columns!.Count);
        Assert.Equal("9999", Assert.Single(rows).Values["列9999"]);
    }

    [Fact]
    public async Task An_ndjson_line_longer_than_the_row_limit_is_rejected_on_its_own()
    {
        var big = $"{{\"备注\":\"{new string('x', FeedLimits.MaxRowCharacters)}\"}}";
        var body = $"{{\"姓名\":\"张三\"}}\n{big}\n{{\"姓名\":\"王五\"}}\n";

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal(3, rows.Count);
        Assert.StartsWith("the row is 1,048,5", rows[1].Problem, StringComparison.Ordinal);
        Assert.Empty(rows[1].Values);
        Assert.Equal("王五", rows[2].Values["姓名"]);
    }

    [Fact]
    public async Task A_5_mb_json_value_is_read_for_the_normaliser_to_judge()
    {
        var body = Encoding.UTF8.GetBytes($"{{\"姓名\":\"张三\"}}\n{{\"姓名\":\"{new string('x', 900_000)}\"}}\n");

        var rows = await FeedFiles.ReadAllAsync(body, "application/x-ndjson");

        Assert.Equal(900_000, rows[1].Values["姓名"]!.Length);
    }

    [Fact]
    public async Task A_json_key_sent_twice_in_one_record_is_a_problem_of_that_record_naming_the_key()
    {
        var rows = await FeedFiles.ReadAllAsync("[{\"姓名\":\"张三\",\"姓名\":\"李四\"},{\"姓名\":\"王五\"}]", "application/json");

        Assert.Equal("姓名", rows[0].ProblemField);
        Assert.Contains("twice", rows[0].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", rows[0].Problem, StringComparison.Ordinal);
        Assert.Null(rows[1].Problem);
    }
}
