using System.Net;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Reading;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using MiniExcelLibs;

namespace Hub.Functions.Tests.Feeds;

[Collection(AzuriteFixture.Collection)]
public sealed class FeedIngestionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, SnapshotSettings.AppliedWhole);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_pushed_csv_is_archived_processed_and_accounted_row_by_row()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var csv = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,备注\r\n" +
            $"{TestPeople.Id(1)},王秀英,女,城市低保,1250,2024/3/1,110105003002,G07,x\r\n" +
            $"{TestPeople.Id(2).ToLowerInvariant()},张 三,男,特困,\"1,300\",20240301,110105003002,G01,\r\n" +
            "1.10105E+17,李四,男,低保,100,2024-01-01,110105003002,G07,\r\n" +
            $"{TestPeople.Id(3)},赵六,男,救济粮,100,2024-01-01,110105003002,G07,\r\n";

        using var response = await client.PushAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("/api/feeds/civil-affairs/batches/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var accepted = await response.ReadReportAsync();
        Assert.True(await _hub.Storage.FeedArchive.GetBlobClient($"civil-affairs/{accepted.Id}").ExistsAsync());

        var report = await client.WaitForBatchAsync(response.Headers.Location!);

        Assert.Equal(BatchStatus.Completed, report.Status);
        // Row 4's ID was mangled by a spreadsheet: the record is kept for matching and reported; row 5 is rejected.
        Assert.Equal(new BatchCounts { Received = 4, Inserted = 3, Rejected = 1, Unidentified = 1 }, report.Counts);
        Assert.Equal(["备注"], report.IgnoredColumns);
        Assert.Equal((5L, "救助类型"), (Assert.Single(report.FirstRejections).Row, report.FirstRejections[0].Field));
        var rowReport = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));
        Assert.Contains("4,身份证号码,", rowReport, StringComparison.Ordinal);
        Assert.Contains("spreadsheet", rowReport, StringComparison.Ordinal);
        Assert.Contains(",kept for matching", rowReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_row_report_is_a_spreadsheet_safe_csv_with_every_id_problem()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var rows = Enumerable.Range(0, 30).Select(i => $"{TestPeople.Id(100 + i)[..17]}0,名{i},女,城市低保,1,2024-01-01,110105003002,G1\r\n");
        var csv = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n" + string.Concat(rows);
        var report = await client.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv");

        var bytes = await client.GetByteArrayAsync(new Uri(report.Links.Rejects, UriKind.Relative));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,field,reason,outcome", lines[0]);
        var reported = lines.Skip(1).Count(l => l.Contains("check character", StringComparison.Ordinal) && l.EndsWith(",kept for matching", StringComparison.Ordinal));
        Assert.True(reported >= 27, $"expected nearly all 30 rows reported for a wrong check character, got {reported}");
        Assert.Equal(report.Counts.Unidentified + report.Counts.Rejected, lines.Length - 1);
    }

    [Fact]
    public async Task Gb18030_csv_without_bom_or_charset_is_read_correctly()
    {
        var client = _hub.CreatePublisherClient("police");
        var csv = "公民身份号码,姓名,性别,户号,与户主关系,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n" +
            $"{TestPeople.Id(10)},欧阳娜娜,女,H001,户主,110105003002,第二住址,110108001001,正常\r\n";

        var report = await client.PushAndWaitAsync("police", CharsetEncoding.Gb18030.GetBytes(csv), "text/csv");

        Assert.Equal(new BatchCounts { Received = 1, Inserted = 1 }, report.Counts);
        var fact = await SingleFactAsync("police");
        Assert.Contains("欧阳娜娜", fact.GetString("Attributes"), StringComparison.Ordinal);
        Assert.Contains("second-address", fact.GetString("Attributes"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("text/csv; charset=utf-8")]
    public async Task Every_supported_format_lands_the_same_facts(string contentType)
    {
        var client = _hub.CreatePublisherClient("disability-federation");
        var records = new[]
        {
            new Dictionary<string, object> { ["身份证号"] = TestPeople.Id(20), ["姓名"] = "陈明", ["残疾类别"] = "肢体", ["残疾等级"] = "二级", ["发证日期"] = "2020年5月6日" },
            new Dictionary<string, object> { ["身份证号"] = TestPeople.Id(21), ["姓名"] = "刘洋", ["残疾类别"] = "视力残疾", ["残疾等级"] = "1级", ["发证日期"] = "2021/1/2" },
        };

        var report = await client.PushAndWaitAsync("disability-federation", Serialise(records, contentType), contentType);

        Assert.Equal(new BatchCounts { Received = 2, Inserted = 2 }, report.Counts);
        var attributes = await AllFactAttributesAsync("disability-federation");
        Assert.Contains(attributes, a => a.Contains("\"disabilityGrade\":\"2\"", StringComparison.Ordinal) && a.Contains("\"validFrom\":\"2020-05-06\"", StringComparison.Ordinal));
        Assert.Contains(attributes, a => a.Contains("\"disabilityCategory\":\"visual\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushing_the_same_payload_twice_returns_the_same_batch_and_adds_nothing()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var body = TestPeople.CivilAffairsCsv(Enumerable.Range(200, 5));
        var first = await client.PushAndWaitAsync("civil-affairs", body, "text/csv");

        using var again = await client.PushAsync("civil-affairs", body, "text/csv");
        var second = await again.ReadReportAsync();

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Repeated);
        Assert.Equal(5, (await AllFactAttributesAsync("civil-affairs")).Count);
        Assert.Single(await _hub.Storage.FeedArchive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "civil-affairs/", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_delta_updates_changed_records_and_leaves_identical_ones_unchanged()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(300, 4)), "text/csv");

        var report = await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(300, 5), i => i == 301 ? "999" : "1250"), "text/csv");

        Assert.Equal(new BatchCounts { Received = 5, Inserted = 1, Updated = 1, Unchanged = 3 }, report.Counts);
    }

    [Fact]
    public async Task A_snapshot_end_dates_records_it_no_longer_holds_and_deletes_nothing()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv([400, 401, 402]), "text/csv", "snapshot");

        var report = await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv([400, 402]), "text/csv", "snapshot");

        Assert.Equal(new BatchCounts { Received = 2, Unchanged = 2, EndDated = 1 }, report.Counts);
        var facts = await AllFactsAsync("civil-affairs");
        Assert.Equal(3, facts.Count);
        var ended = Assert.Single(facts, f => f.GetDateTimeOffset("EndedAt") is not null);
        Assert.Equal(report.Id, ended.GetString("LastBatch"));

        var restored = await client.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv([400, 401, 402, 403]), "text/csv", "delta");
        Assert.Equal(new BatchCounts { Received = 4, Inserted = 1, Updated = 1, Unchanged = 2 }, restored.Counts);
    }

    [Fact]
    public async Task The_clear_id_number_never_appears_in_a_key_or_a_log_line()
    {
        var client = _hub.CreatePublisherClient("civil-affairs");
        var people = Enumerable.Range(500, 3).ToArray();
        var csv = TestPeople.CivilAffairsCsv(people);
        var broken = Encoding.UTF8.GetBytes($"{TestPeople.Id(600)[..17]}0,错号,男,城市低保,1,2024-01-01,110105003002,G1\r\n");
        await client.PushAndWaitAsync("civil-affairs", [.. csv, .. broken], "text/csv");

        var ids = people.Append(600).Select(TestPeople.Id).ToList();
        foreach (var fact in await AllFactsAsync("civil-affairs"))
        {
            Assert.DoesNotContain(ids, id => fact.PartitionKey.Contains(id, StringComparison.Ordinal) || fact.RowKey.Contains(id, StringComparison.Ordinal));
        }

        Assert.NotEmpty(_hub.Logs.Lines);
        Assert.DoesNotContain(_hub.Logs.Lines, line => ids.Any(id => line.Contains(id, StringComparison.Ordinal) || line.Contains(id[..17], StringComparison.Ordinal)));
        Assert.DoesNotContain(_hub.Logs.Lines, line => line.Contains("错号", StringComparison.Ordinal) || line.Contains("测试5", StringComparison.Ordinal));
    }

    private static byte[] Serialise(Dictionary<string, object>[] records, string contentType)
    {
        switch (contentType)
        {
            case "application/json":
                return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(records);
            case "application/x-ndjson":
                return Encoding.UTF8.GetBytes(string.Join('\n', records.Select(r => System.Text.Json.JsonSerializer.Serialize(r))) + "\n");
            case "text/csv; charset=utf-8":
                var header = string.Join(',', records[0].Keys);
                return Encoding.UTF8.GetBytes(header + "\r\n" + string.Concat(records.Select(r => string.Join(',', r.Values) + "\r\n")));
            default:
                using (var stream = new MemoryStream())
                {
                    stream.SaveAs(records);
                    return stream.ToArray();
                }
        }
    }

    private async Task<List<TableEntity>> AllFactsAsync(string source) =>
        await _hub.Storage.QueryFactsAsync<TableEntity>(e => e.GetString("Source") == source).ToListAsync();

    private async Task<List<string>> AllFactAttributesAsync(string source) =>
        [.. (await OpenedFacts.OfAsync(_hub.Services, source)).Select(OpenedFacts.Json)];

    private async Task<TableEntity> SingleFactAsync(string source) => Assert.Single(await AllFactsAsync(source));
}
