using System.Text;
using Azure.Data.Tables;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Feeds;

/// <summary>A batch stays within the temporary disk it is given, and a feed that needs more fails saying so.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SpillBudgetTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格";

    // About a dozen spilled records: each is a JSON line of a few hundred bytes.
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Feeds:SpillBudgetBytes"] = "4096" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_feed_within_the_budget_completes()
    {
        var report = await PushAsync(Rows(1, 2));

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(2, report.Counts.Inserted);
    }

    [Fact]
    public async Task A_feed_that_needs_more_temporary_disk_than_its_budget_fails_naming_the_setting_and_stores_nothing()
    {
        var report = await PushAsync(Rows(101, 100));

        Assert.Equal(BatchStatus.Failed, report.Status);
        Assert.Contains("4096 bytes", report.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Hub:Feeds:SpillBudgetBytes", report.FailureReason, StringComparison.Ordinal);
        Assert.Empty(await _hub.Storage.QueryFactsAsync<TableEntity>(e => e.GetString("Source") == "civil-affairs").ToListAsync());
    }

    private static string Rows(int first, int count) =>
        Header + "\r\n" + string.Concat(Enumerable.Range(first, count).Select(i => $"{TestPeople.Id(i)},王,女,城市低保,1,2024-01-01,110105003002,G1\r\n"));

    private async Task<BatchReport> PushAsync(string csv) =>
        await _hub.CreatePublisherClient("civil-affairs").PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv");
}
