using System.Text;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Feeds;

/// <summary>Keys the mapping does not know are named in the batch report in every format, with the likely cause of rejections.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class UnmappedKeyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, SnapshotSettings.AppliedWhole);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    public async Task A_housing_export_with_renamed_keys_reports_them_as_ignored_and_as_the_likely_cause(string contentType)
    {
        var records = Enumerable.Range(1, 3)
            .Select(i => $$"""{"承租人":"王秀英{{i}}","证件号码":"{{TestPeople.Id(i)}}","保障类型":"公租房","社区区划代码":"110105003002","合同起始日期":"2024-03-01","备注":""}""")
            .ToList();
        var body = contentType == "application/json" ? $"[{string.Join(",", records)}]" : string.Join("\n", records);

        var report = await _hub.CreatePublisherClient("housing-security").PushAndWaitAsync("housing-security", Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(3, report.Counts.Rejected);
        Assert.Equal(["承租人", "证件号码", "备注"], report.IgnoredColumns);
        var cause = Assert.Single(report.LikelyCauses!, c => c.Field == "承租人姓名");
        Assert.Equal(3, cause.Rows);
        Assert.Equal(["承租人", "证件号码"], cause.UnmappedKeys);
        Assert.DoesNotContain(report.LikelyCauses!, c => c.Hint.Contains("王秀英", StringComparison.Ordinal) || c.Hint.Contains(TestPeople.Id(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_csv_without_a_required_column_fails_naming_the_columns_the_mapping_does_not_know()
    {
        var csv = $"证件号码,承租人姓名,保障类型,社区区划代码,合同起始日期\r\n{TestPeople.Id(1)},王秀英,公租房,110105003002,2024-03-01\r\n";

        var report = await _hub.CreatePublisherClient("housing-security").PushAndWaitAsync("housing-security", Encoding.UTF8.GetBytes(csv), "text/csv");

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("lacks required columns of source 'housing-security': 承租人身份证号", report.FailureReason, StringComparison.Ordinal);
        Assert.Contains("columns the mapping does not know: 证件号码", report.FailureReason, StringComparison.Ordinal);
    }
}
