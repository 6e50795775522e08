using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>
/// A snapshot that would end-date more than a tenth of the source's current records, or that holds no accepted row,
/// is held: nothing of it is applied until an officer of the department or an administrator confirms or discards it.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HeldSnapshotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n";
    private static readonly int[] Register = [.. Enumerable.Range(0, 20)];

    private readonly HubFactory _hub = new(azurite);
    private HttpClient _feed = null!;

    public async Task InitializeAsync()
    {
        _feed = _hub.CreatePublisherClient("civil-affairs");
        var first = await _feed.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register), "text/csv", "snapshot");
        Assert.Equal((BatchStatus.Completed, 20L), (first.Status, first.Counts.Inserted));
    }

    public async Task DisposeAsync()
    {
        _feed.Dispose();
        await _hub.DisposeAsync();
    }

    public static TheoryData<string, string> Unmeant => new()
    {
        { "header only", Header },
        { "every row rejected", Header + string.Concat(Register.Select(i => $"{TestPeople.Id(i)},测试{i},女,救济粮,1,2024/3/1,110105003002,G07\r\n")) },
    };

    [Theory]
    [MemberData(nameof(Unmeant))]
    public async Task A_snapshot_without_an_accepted_row_is_held_and_changes_nothing(string what, string csv)
    {
        var before = await StoredAsync();

        var report = await _feed.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(csv), "text/csv", "snapshot");

        Assert.True(report.Status == BatchStatus.Held, $"{what}: {report.Status}");
        Assert.Equal((20L, 20L), (report.Hold!.WouldEndDate, report.Hold.CurrentRecords));
        Assert.Equal(new BatchCounts { Received = report.Counts.Received, Rejected = report.Counts.Rejected }, report.Counts);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_snapshot_ending_half_the_register_is_held_and_applied_in_full_once_confirmed()
    {
        var half = await _feed.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register.Take(10)), "text/csv", "snapshot");
        Assert.Equal(BatchStatus.Held, half.Status);
        Assert.Equal((10L, 20L, 0.1), (half.Hold!.WouldEndDate, half.Hold.CurrentRecords, half.Hold.AllowedShare));
        using var officer = Officer("civil-affairs");

        using var confirmed = await officer.PostAsJsonAsync(new Uri(half.Links.Self + "/confirm", UriKind.Relative), new { reason = "十名对象已退出低保" });
        var applied = await _feed.WaitForBatchAsync(new Uri(half.Links.Self, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(BatchStatus.Completed, applied.Status);
        Assert.Equal((10L, 10L), (applied.Counts.Unchanged, applied.Counts.EndDated));
        Assert.Equal((BatchDecisionKind.Confirmed, "officer-civil-affairs"), (applied.Decision!.Kind, applied.Decision.DecidedBy));
        Assert.Equal(10, await EndedFactsAsync());
    }

    [Fact]
    public async Task A_discarded_snapshot_applies_nothing_and_stays_discarded()
    {
        var before = await StoredAsync();
        var half = await _feed.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register.Take(10)), "text/csv", "snapshot");
        using var administrator = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("admin-1", [HubRoles.Administrator], "110100000000"));

        using var discarded = await administrator.PostAsJsonAsync(new Uri(half.Links.Self + "/discard", UriKind.Relative), new { reason = "导出不完整" });
        using var again = await _feed.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register.Take(10)), "text/csv", "snapshot");

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal(BatchStatus.Discarded, (await _feed.WaitForBatchAsync(new Uri(half.Links.Self, UriKind.Relative))).Status);
        var repeated = await again.ReadReportAsync();
        Assert.Equal((true, BatchStatus.Discarded), (repeated.Repeated, repeated.Status));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_snapshot_ending_a_twentieth_and_any_delta_are_applied_as_they_come()
    {
        var most = await _feed.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register.Skip(1)), "text/csv", "snapshot");
        var empty = await _feed.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(Header), "text/csv", "delta");

        Assert.Equal((BatchStatus.Completed, 1L), (most.Status, most.Counts.EndDated));
        Assert.Equal(BatchStatus.Completed, empty.Status);
        Assert.Null(most.Hold);
    }

    [Fact]
    public async Task Only_an_officer_of_the_department_or_an_administrator_decides_and_each_decision_is_audited()
    {
        var held = await _feed.PushAndWaitAsync("civil-affairs", Encoding.UTF8.GetBytes(Header), "text/csv", "snapshot");
        var confirm = new Uri(held.Links.Self + "/confirm", UriKind.Relative);
        using var police = Officer("police");
        var before = await AuditEventsAsync();

        using var byClient = await _feed.PostAsJsonAsync(confirm, new { reason = "mine" });
        using var byOtherDepartment = await police.PostAsJsonAsync(confirm, new { reason = "not mine" });
        using var withoutReason = await Officer("civil-affairs").PostAsJsonAsync(confirm, new { reason = " " });
        using var again = await _feed.PushAsync("civil-affairs", Encoding.UTF8.GetBytes(Header), "text/csv", "snapshot");
        var repeated = await again.ReadReportAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byClient.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal((true, BatchStatus.Held), (repeated.Repeated, repeated.Status));
        var decisions = (await AuditEventsAsync()).Skip(before.Count).Where(e => e.Action.Value == "feed.confirm").ToList();
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Denied, AuditOutcome.Failed], decisions.Select(e => e.Outcome));
        Assert.Equal(BatchStatus.Held, (await _feed.WaitForBatchAsync(new Uri(held.Links.Self, UriKind.Relative))).Status);
    }

    [Fact]
    public async Task Only_a_held_batch_is_decided()
    {
        var completed = await _feed.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Register), "text/csv", "delta");
        using var officer = Officer("civil-affairs");

        using var notHeld = await officer.PostAsJsonAsync(new Uri(completed.Links.Self + "/discard", UriKind.Relative), new { reason = "x" });
        using var unknown = await officer.PostAsJsonAsync(new Uri("/api/feeds/civil-affairs/batches/20250101000000-00000000/confirm", UriKind.Relative), new { reason = "x" });

        Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private HttpClient Officer(string department) =>
        _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal($"officer-{department}", [HubRoles.DepartmentOfficer], "110105000000", department: department));

    // Every fact, view and resident row with its ETag: equal before and after means nothing was written.
    private async Task<List<string>> StoredAsync()
    {
        var rows = new List<string>();
        foreach (var table in _hub.Storage.FactTables.Concat(_hub.Storage.ResidentTables))
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table.Name}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task<int> EndedFactsAsync()
    {
        var ended = 0;
        await foreach (var fact in _hub.Storage.QueryFactsAsync<TableEntity>("Source eq 'civil-affairs'"))
        {
            ended += fact.GetDateTimeOffset("EndedAt") is null ? 0 : 1;
        }

        return ended;
    }

    private async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync()
    {
        var search = _hub.Services.GetRequiredService<AuditSearch>();
        var events = new List<AuditEvent>();
        await foreach (var record in search.SearchAllAsync(new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) }))
        {
            events.Add(record.Event);
        }

        return events;
    }
}
