using System.Text;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Hub.Functions.Tests.Feeds;

/// <summary>Broken feeds end with a reason, per row or for the whole batch, and never with part of a record stored.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FeedReadingFailureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格";

    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_header_only_delta_with_the_required_columns_completes_with_nothing_read()
    {
        var report = await PushAsync(Header + "\r\n", "text/csv");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts(), report.Counts);
    }

    [Fact]
    public async Task A_header_only_file_without_the_required_columns_fails_naming_them()
    {
        var report = await PushAsync("姓名,性别\r\n", "text/csv");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("身份证号码", report.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Session expired</body></html>", "text/csv", "an HTML page")]
    [InlineData("[{\"身份证号码\":\"11010519491231002X\"}]", "text/csv", "a JSON array")]
    [InlineData("\r\n\r\n\r\n", "text/csv", "no header")]
    [InlineData("null", "application/json", "null")]
    [InlineData("{\"身份证号码\":\"11010519491231002X\"}", "application/json", "single JSON object")]
    public async Task A_body_that_is_not_a_feed_fails_the_batch_saying_what_it_looks_like(string body, string contentType, string said)
    {
        var report = await PushAsync(body, contentType);

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains(said, report.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_id_columns_fail_the_batch_naming_both_and_store_nothing()
    {
        var csv = Header + ",公民身份号码\r\n" + $"{TestPeople.Id(1)},王,女,城市低保,1,2024-01-01,110105003002,G1,{TestPeople.Id(2)}\r\n";

        var report = await PushAsync(csv, "text/csv");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("'公民身份号码' (column 9)", report.FailureReason, StringComparison.Ordinal);
        Assert.Empty(await FactsAsync());
    }

    [Fact]
    public async Task A_120_kb_cell_rejects_its_row_only()
    {
        var csv = Header + ",现住址\r\n" +
            $"{TestPeople.Id(3)},王,女,城市低保,1,2024-01-01,110105003002,G1,{new string('址', 120_000)}\r\n" +
            $"{TestPeople.Id(4)},李,女,城市低保,1,2024-01-01,110105003002,G1,幸福里1号\r\n";

        var report = await PushAsync(csv, "text/csv");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 1, Rejected = 1 }, report.Counts);
        var rejection = Assert.Single(report.FirstRejections);
        Assert.Equal((2L, "现住址"), (rejection.Row, rejection.Field));
        Assert.StartsWith("the value is 120,000 characters long", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_40000_character_xlsx_cell_rejects_its_row_and_the_batch_completes()
    {
        var rows = Enumerable.Range(5, 2).Select(i => new Dictionary<string, object?>
        {
            ["身份证号码"] = TestPeople.Id(i),
            ["姓名"] = i == 5 ? new string('名', 40_000) : "赵",
            ["救助类型"] = "城市低保",
            ["享受起始日期"] = "2024-01-01",
            ["居住地区划代码"] = "110105003002",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows);

        var report = await PushAsync(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 1, Rejected = 1 }, report.Counts);
        Assert.Equal((2L, "姓名"), (report.FirstRejections[0].Row, report.FirstRejections[0].Field));
        Assert.Single(await FactsAsync());
    }

    [Fact]
    public async Task A_5_mb_ndjson_value_rejects_its_record_and_stores_nothing_of_it()
    {
        var big = $"{{\"身份证号码\":\"{TestPeople.Id(7)}\",\"姓名\":\"孙\",\"救助类型\":\"城市低保\",\"享受起始日期\":\"2024-01-01\",\"居住地区划代码\":\"110105003002\",\"现住址\":\"{new string('x', 5_000_000)}\"}}";
        var small = $"{{\"身份证号码\":\"{TestPeople.Id(8)}\",\"姓名\":\"周\",\"救助类型\":\"城市低保\",\"享受起始日期\":\"2024-01-01\",\"居住地区划代码\":\"110105003002\"}}";

        var report = await PushAsync(small + "\n" + big + "\n", "application/x-ndjson");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 1, Rejected = 1 }, report.Counts);
        Assert.Equal(2L, report.FirstRejections[0].Row);
        Assert.Equal(1, (await _hub.Services.GetRequiredService<BatchStore>().GetAsync("civil-affairs", report.Id))!.Attempts);
        Assert.Single(await FactsAsync());
    }

    [Fact]
    public async Task Ten_thousand_unknown_columns_are_reported_as_ignored_and_the_rows_are_stored()
    {
        var unknown = Enumerable.Range(0, 10_000).Select(i => $"列{i}").ToList();
        var csv = Header + "," + string.Join(',', unknown) + "\r\n" +
            $"{TestPeople.Id(9)},吴,女,城市低保,1,2024-01-01,110105003002,G1," + string.Join(',', unknown.Select(_ => "v")) + "\r\n";

        var report = await PushAsync(csv, "text/csv");

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 1, Inserted = 1 }, report.Counts);
        Assert.Equal(51, report.IgnoredColumns.Count);
        Assert.Equal("… and 9,950 more", report.IgnoredColumns[^1]);
    }

    [Fact]
    public async Task A_json_record_with_two_keys_for_the_id_is_rejected_naming_them()
    {
        var json = $"[{{\"身份证号码\":\"{TestPeople.Id(11)}\",\"公民身份号码\":\"{TestPeople.Id(12)}\",\"姓名\":\"郑\",\"救助类型\":\"城市低保\",\"享受起始日期\":\"2024-01-01\",\"居住地区划代码\":\"110105003002\"}}]";

        var report = await PushAsync(json, "application/json");

        Assert.Equal(new BatchCounts { Received = 1, Rejected = 1 }, report.Counts);
        Assert.Equal("身份证号码", report.FirstRejections[0].Field);
        Assert.Contains("'公民身份号码'", report.FirstRejections[0].Reason, StringComparison.Ordinal);
        Assert.Empty(await FactsAsync());
    }

    private Task<BatchReport> PushAsync(string body, string contentType) => PushAsync(Encoding.UTF8.GetBytes(body), contentType);

    private async Task<BatchReport> PushAsync(byte[] body, string contentType) =>
        await _hub.CreatePublisherClient("civil-affairs").PushAndWaitAsync("civil-affairs", body, contentType);

    private async Task<List<TableEntity>> FactsAsync() =>
        await _hub.Storage.QueryFactsAsync<TableEntity>(e => e.GetString("Source") == "civil-affairs").ToListAsync();
}
