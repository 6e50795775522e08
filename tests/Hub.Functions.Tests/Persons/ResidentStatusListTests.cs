using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

/// <summary>
/// A street's 低保 recipients as the police register states them: one active, two deceased (with and without a
/// date of death), one moved out of the area. Civil affairs still pays them all.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ResidentStatusListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Active = 1;
    private const int Deceased = 2;
    private const int Moved = 3;
    private const int DeceasedUndated = 4;

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期,迁出日期\r\n");
        var civil = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n");
        foreach (var (index, status, died, moved) in new[] { (Active, "正常", "", ""), (Deceased, "死亡", "2025-05-12", ""), (Moved, "迁出", "", "2025-04-01"), (DeceasedUndated, "死亡", "", "") })
        {
            police.Append(CultureInfo.InvariantCulture, $"{Id(index)},王{index},男,H{index},户主,朝阳区幸福里{index}号,{CommunityA1},户籍,{CommunityA1},G01,{status},{died},{moved}\r\n");
            civil.Append(CultureInfo.InvariantCulture, $"{Id(index)},王{index},男,城市低保,1250,2024/3/1,{CommunityA1},G01\r\n");
        }

        foreach (var (source, csv) in new[] { ("police", police), ("civil-affairs", civil) })
        {
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task By_default_a_street_lists_only_its_residents_who_are_neither_deceased_nor_moved_out()
    {
        using var officer = _hub.StreetOfficer();

        var page = await ListAsync(officer, string.Empty);

        Assert.Equal("active", (string?)page["status"]);
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal((_hub.KeyOf(Active), "active"), ((string?)item["personKey"], (string?)item["status"]));
        Assert.Null(item["statusDate"]);
    }

    [Theory]
    [InlineData("deceased", new[] { Deceased, DeceasedUndated })]
    [InlineData("movedOut", new[] { Moved })]
    [InlineData("active,deceased,movedOut", new[] { Active, Deceased, Moved, DeceasedUndated })]
    [InlineData("movedOut,active", new[] { Active, Moved })]
    public async Task The_status_filter_lists_the_people_of_those_statuses_with_their_status(string status, int[] expected)
    {
        using var officer = _hub.StreetOfficer();

        var items = (await ListAsync(officer, "status=" + status))["items"]!.AsArray();

        Assert.Equal(expected.Select(_hub.KeyOf).Order(StringComparer.Ordinal), items.Select(i => (string)i!["personKey"]!).Order(StringComparer.Ordinal));
        var deceased = items.FirstOrDefault(i => (string?)i!["personKey"] == _hub.KeyOf(Deceased));
        var moved = items.FirstOrDefault(i => (string?)i!["personKey"] == _hub.KeyOf(Moved));
        Assert.True(deceased is null || ((string?)deceased["status"], (string?)deceased["statusDate"]) == ("deceased", "2025-05-12"));
        Assert.True(moved is null || ((string?)moved["status"], (string?)moved["statusDate"]) == ("movedOut", "2025-04-01"));
    }

    [Fact]
    public async Task A_list_of_an_earlier_day_shows_people_as_they_were_then()
    {
        using var officer = _hub.StreetOfficer();

        var before = (await ListAsync(officer, "activeOn=2025-05-01"))["items"]!.AsArray();
        var all = (await ListAsync(officer, "activeOn=2025-05-01&status=active,deceased,movedOut"))["items"]!.AsArray();

        // The undated death holds from the day the register reported it, today; the move out came before that day.
        Assert.Equal(new[] { Active, Deceased, DeceasedUndated }.Select(_hub.KeyOf).Order(StringComparer.Ordinal), before.Select(i => (string)i!["personKey"]!).Order(StringComparer.Ordinal));
        Assert.Equal("active", (string?)Assert.Single(all, i => (string?)i!["personKey"] == _hub.KeyOf(Deceased))!["status"]);
    }

    [Theory]
    [InlineData("dead")]
    [InlineData("moved-out")]
    [InlineData("")]
    [InlineData("active,")]
    public async Task A_status_that_is_not_one_of_the_three_is_a_problem_400_audited_like_the_list(string status)
    {
        using var officer = _hub.StreetOfficer();
        var lists = (await _hub.EventsAsync()).Count(e => e.Event.Action == AuditAction.DivisionList);

        using var response = await officer.GetAsync(new Uri("/api/residents?status=" + Uri.EscapeDataString(status), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Contains("'status'", (string?)problem["detail"], StringComparison.Ordinal);
        var events = (await _hub.EventsAsync()).Where(e => e.Event.Action == AuditAction.DivisionList).ToList();
        Assert.Equal(lists + 1, events.Count);
        Assert.Equal(AuditOutcome.Failed, events[^1].Event.Outcome);
        Assert.Empty(events[^1].Event.PersonKeys);
    }

    [Fact]
    public async Task A_continuation_token_is_bound_to_the_status_filter()
    {
        using var officer = _hub.StreetOfficer();
        var first = await ListAsync(officer, "status=deceased&pageSize=1");
        var token = Uri.EscapeDataString((string)first["continuation"]!);

        var next = await ListAsync(officer, "status=deceased&pageSize=1&continuation=" + token);
        using var otherFilter = await officer.GetAsync(new Uri("/api/residents?pageSize=1&continuation=" + token, UriKind.Relative));

        Assert.Single(next["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, otherFilter.StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_sees_and_filters_on_the_status_as_every_tier_does()
    {
        using var worker = _hub.GridWorker("G01");

        var items = (await ListAsync(worker, "status=deceased"))["items"]!.AsArray();

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("deceased", (string?)i!["status"]));
    }

    [Fact]
    public async Task A_person_page_states_the_status_and_its_date_and_only_a_death_makes_a_membership_inactive()
    {
        using var officer = _hub.StreetOfficer();

        var deceased = await JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(Deceased)}?purpose=benefit-review", UriKind.Relative)));
        var undated = await JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(DeceasedUndated)}?purpose=benefit-review", UriKind.Relative)));
        var moved = await JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(Moved)}?purpose=benefit-review", UriKind.Relative)));
        var active = await JsonAsync(await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(Active)}?purpose=benefit-review", UriKind.Relative)));

        Assert.Equal(("deceased", "2025-05-12"), ((string?)deceased["status"], (string?)deceased["statusDate"]));
        Assert.Equal(("deceased", null), ((string?)undated["status"], (string?)undated["statusDate"]));
        Assert.Equal(("movedOut", "2025-04-01"), ((string?)moved["status"], (string?)moved["statusDate"]));
        Assert.Equal(("active", null), ((string?)active["status"], (string?)active["statusDate"]));
        Assert.Equal((false, "deceased"), Dibao(deceased));
        Assert.Equal((true, null), Dibao(moved));
        Assert.Equal((true, null), Dibao(active));
    }

    [Fact]
    public async Task A_deceased_person_is_no_dibao_recipient_after_the_death_and_was_one_before()
    {
        using var officer = _hub.StreetOfficer();

        var after = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(Deceased), claim = new { kind = "inGroup", group = "dibao" }, purpose = "eligibility-check" }));
        var before = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(Deceased), claim = new { kind = "inGroup", group = "dibao", on = "2025-05-12" }, purpose = "eligibility-check" }));
        var moved = await JsonAsync(await PostAsync(officer, "/api/verifications", new { residentId = Id(Moved), claim = new { kind = "inGroup", group = "dibao" }, purpose = "eligibility-check" }));

        Assert.False((bool)after["answer"]!);
        Assert.True((bool)before["answer"]!);
        Assert.True((bool)moved["answer"]!);
    }

    private static (bool Active, string? Reason) Dibao(JsonNode person)
    {
        var dibao = Assert.Single(person["memberships"]!.AsArray())!;
        return ((bool)dibao["active"]!, (string?)dibao["inactiveReason"]);
    }

    private static async Task<JsonNode> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/residents?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }
}
