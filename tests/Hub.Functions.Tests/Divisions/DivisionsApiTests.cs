using System.Net;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Divisions;

/// <summary>
/// The division registry over the API: read by anyone signed in, loaded by administrators (checked, audited as a policy
/// change, in force at once), and its names beside every code a person reads.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DivisionsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string City = "110100000000";
    private PersonsHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = new PersonsHub(azurite);
        await _hub.LoadAsync(
            new Resident(1, "王一", PersonsHub.CommunityA1, "G03", "310104002003"),
            new Resident(2, "李二", "110105007001", "G01", "310104001001"),
            new Resident(3, "赵三", "110105004001", "G02", "110105004001"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_person_and_a_list_row_carry_the_names_and_path_of_their_divisions()
    {
        var officer = _hub.StreetOfficer();

        var person = await PersonsHub.JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)));
        var list = await PersonsHub.JsonAsync(await officer.GetAsync(new Uri("/api/residents", UriKind.Relative)));

        Assert.Equal("110105001001", (string?)person["residence"]!["division"]);
        Assert.Equal("光华里社区", (string?)person["residence"]!["divisionName"]);
        Assert.Equal("第三网格", (string?)person["residence"]!["gridName"]);
        Assert.Equal("朝阳区 / 建外街道 / 光华里社区 / 第三网格", (string?)person["residence"]!["divisionPath"]);
        Assert.Equal("徐汇区 / 天平路街道 / 百子湾社区", (string?)person["registration"]!["divisionPath"]);
        var row = Assert.Single(list["items"]!.AsArray(), i => (string?)i!["personKey"] == _hub.KeyOf(1))!;
        Assert.Equal("光华里社区", (string?)row["communityName"]);
        Assert.Equal("第三网格", (string?)row["gridName"]);
        Assert.Equal("朝阳区 / 建外街道 / 光华里社区 / 第三网格", (string?)row["divisionPath"]);
    }

    [Fact]
    public async Task A_person_filed_under_a_merged_streets_old_code_is_seen_and_listed_by_the_successors_office()
    {
        var successor = _hub.StreetOfficer("110105003000", "successor-officer");
        var neighbour = _hub.StreetOfficer("110105004000", "neighbour-officer");

        using var read = await successor.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(2)}", UriKind.Relative));
        using var denied = await neighbour.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(2)}", UriKind.Relative));
        var list = await PersonsHub.JsonAsync(await successor.GetAsync(new Uri("/api/residents", UriKind.Relative)));
        var community = await PersonsHub.JsonAsync(await successor.GetAsync(new Uri("/api/residents?division=110105003001", UriKind.Relative)));
        var neighbours = await PersonsHub.JsonAsync(await neighbour.GetAsync(new Uri("/api/residents", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var residence = (await PersonsHub.JsonAsync(read))["residence"]!;
        Assert.Equal("110105007001", (string?)residence["division"]);
        Assert.Equal("110105003001", (string?)residence["currentDivision"]);
        Assert.Equal("朝阳区 / 光华路街道 / 光华东里社区", (string?)residence["divisionPath"]);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal([_hub.KeyOf(2)], list["items"]!.AsArray().Select(i => (string?)i!["personKey"]));
        Assert.Equal([_hub.KeyOf(2)], community["items"]!.AsArray().Select(i => (string?)i!["personKey"]));
        Assert.Equal([_hub.KeyOf(3)], neighbours["items"]!.AsArray().Select(i => (string?)i!["personKey"]));
    }

    [Fact]
    public async Task A_feed_row_with_a_retired_or_unknown_division_is_kept_and_reported_with_the_reason()
    {
        var publisher = _hub.Factory.CreatePublisherClient("police");
        var csv = "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态\r\n"
            + $"{PersonsHub.Id(8)},钱八,男,H8,户主,朝阳区幸福里8号,110105001001,户籍,110105007002,G01,正常\r\n"
            + $"{PersonsHub.Id(9)},孙九,男,H9,户主,朝阳区幸福里9号,110105001001,户籍,110105009001,G01,正常\r\n";

        var report = await publisher.PushAndWaitAsync("police", Encoding.UTF8.GetBytes(csv), "text/csv");
        var rejects = await publisher.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));

        Assert.Equal(0, report.Counts.Rejected);
        Assert.Equal(2, report.Counts.Inserted);
        Assert.Contains("2,居住地区划代码,division code was retired (division registry 2026.1); it now lies in 110105003002,kept as sent", rejects, StringComparison.Ordinal);
        Assert.Contains("3,居住地区划代码,division code is not in the division registry 2026.1,kept as sent", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_the_registry_and_a_division_with_its_path_successor_and_predecessors()
    {
        var officer = _hub.StreetOfficer();

        var registry = await PersonsHub.JsonAsync(await officer.GetAsync(new Uri("/api/divisions?parent=110105", UriKind.Relative)));
        var merged = await PersonsHub.JsonAsync(await officer.GetAsync(new Uri("/api/divisions/110105007", UriKind.Relative)));
        var successor = await PersonsHub.JsonAsync(await officer.GetAsync(new Uri("/api/divisions/110105003", UriKind.Relative)));
        using var unknown = await officer.GetAsync(new Uri("/api/divisions/110105099", UriKind.Relative));
        using var bad = await officer.GetAsync(new Uri("/api/divisions/12ab", UriKind.Relative));

        Assert.Equal("2026.1", (string?)registry["version"]);
        Assert.Equal(7, registry["divisions"]!.AsArray().Count);
        Assert.Equal("朝阳区 / 建外街道", (string?)registry["divisions"]![0]!["fullName"]);
        Assert.Equal("110105003000", (string?)merged["division"]!["successor"]);
        Assert.Equal("2021-12-31", (string?)merged["division"]!["validTo"]);
        Assert.Equal("110105003000", (string?)merged["current"]);
        Assert.Equal(["朝阳区", "光华路街道"], merged["path"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal(["110105007000"], successor["predecessors"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(8, successor["children"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_administrator_loads_a_new_version_that_is_checked_audited_and_named_in_the_next_read()
    {
        var admin = _hub.As("admin", HubRoles.Administrator, City);
        var shipped = await File.ReadAllTextAsync(ShippedFiles.Divisions);
        var renamed = shipped.Replace("\"version\": \"2026.1\"", "\"version\": \"2026.2\"", StringComparison.Ordinal)
            .Replace("{\"code\": \"110105001001\", \"name\": \"光华里社区\"", "{\"code\": \"110105001001\", \"name\": \"光华里北社区\"", StringComparison.Ordinal);
        var cycle = renamed.Replace("\"version\": \"2026.2\"", "\"version\": \"2026.3\"", StringComparison.Ordinal)
            .Replace("{\"code\": \"110105003\", \"name\": \"呼家楼街道\", \"parent\": \"110105\", \"validFrom\": \"2000-01-01\"}", "{\"code\": \"110105003\", \"name\": \"呼家楼街道\", \"parent\": \"110105\", \"validFrom\": \"2000-01-01\", \"validTo\": \"2022-01-01\", \"successor\": \"110105007\"}", StringComparison.Ordinal);

        using var refused = await admin.PutAsync(new Uri("/api/divisions", UriKind.Relative), Json(cycle));
        using var byOfficer = await _hub.StreetOfficer().PutAsync(new Uri("/api/divisions", UriKind.Relative), Json(renamed));
        using var loaded = await admin.PutAsync(new Uri("/api/divisions", UriKind.Relative), Json(renamed));
        using var again = await admin.PutAsync(new Uri("/api/divisions", UriKind.Relative), Json(renamed));
        using var rewritten = await admin.PutAsync(new Uri("/api/divisions", UriKind.Relative), Json(renamed.Replace("光华里北社区", "光华里南社区", StringComparison.Ordinal)));
        var person = await PersonsHub.JsonAsync(await _hub.StreetOfficer().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative)));
        var loadedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(renamed)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var findings = (await PersonsHub.JsonAsync(refused))["findings"]!.AsArray();
        Assert.Contains(findings, f => (string?)f!["key"] == "divisions[19].successor" && ((string?)f["problem"])!.Contains("cycle", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Equal("loaded", (string?)(await PersonsHub.JsonAsync(loaded))["outcome"]);
        Assert.Equal("unchanged", (string?)(await PersonsHub.JsonAsync(again))["outcome"]);
        Assert.Equal(HttpStatusCode.Conflict, rewritten.StatusCode);
        Assert.Equal("朝阳区 / 建外街道 / 光华里北社区 / 第三网格", (string?)person["residence"]!["divisionPath"]);

        var changes = await PolicyChangesAsync();
        Assert.Equal(4, changes.Count(e => e.Actor.UserId == "admin"));
        Assert.Contains(changes, e => e.Resource!.EndsWith(" divisions 2026.2 " + loadedHash[..16], StringComparison.Ordinal) && e.Outcome == AuditOutcome.Allowed && e.RecordCount == 151);
        Assert.Contains(changes, e => e.Resource!.EndsWith(" divisions refused", StringComparison.Ordinal) && e.Outcome == AuditOutcome.Failed);
        Assert.Contains(changes, e => e.Actor.UserId == "street-officer" && e.Outcome == AuditOutcome.Denied);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<List<AuditEvent>> PolicyChangesAsync()
    {
        var search = _hub.Factory.Services.GetRequiredService<AuditSearch>();
        var events = new List<AuditEvent>();
        await foreach (var record in search.SearchAllAsync(new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) }))
        {
            if (record.Event.Action == AuditAction.PolicyChange)
            {
                events.Add(record.Event);
            }
        }

        return events;
    }
}
