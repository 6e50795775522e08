using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Checks;

/// <summary>
/// A household of the register whose head rents public housing, and a grown child of it who takes a lease of their
/// own: housing security's worklist gets the child's item, naming the head as the other tenant, whether the two leases
/// arrive in one feed or the child's comes later (then the head is found in the resident index).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HouseholdCheckTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Housing = "承租人身份证号,承租人姓名,保障类型,房屋地址,社区区划代码,网格,合同起始日期,合同终止日期,月租金(元),家庭人口\r\n";

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await PushAsync("police",
        "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态\r\n"
        + $"{Id(1)},王建国,男,H1,户主,朝阳区幸福里1号,{CommunityA1},户籍,{CommunityA1},G01,正常\r\n"
        + $"{Id(3)},王小明,男,H1,子,朝阳区幸福里1号,{CommunityA1},户籍,{CommunityA1},G01,正常\r\n");

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Two_leases_in_one_household_in_one_feed_open_an_item_for_the_member_who_is_not_the_head()
    {
        await PushAsync("housing-security", Housing + Lease(1) + Lease(3));

        var item = Assert.Single(await ItemsAsync());

        Assert.Equal(("tenant-in-another-tenants-household", _hub.KeyOf(3)), ((string?)item!["rule"], (string?)item["personKey"]));
        var member = item!["evidence"]!.AsArray().Single(e => (string?)e!["kind"] == "householdMember")!;
        Assert.Equal((_hub.KeyOf(1), "public-housing", "housing-security"), ((string?)member["member"], (string?)member["group"], (string?)member["source"]));
    }

    [Fact]
    public async Task A_members_lease_arriving_after_the_heads_finds_the_head_in_the_resident_index()
    {
        await PushAsync("housing-security", Housing + Lease(1));
        Assert.Empty(await ItemsAsync());

        await PushAsync("housing-security", Housing + Lease(3));

        var item = Assert.Single(await ItemsAsync());
        Assert.Equal(_hub.KeyOf(3), (string?)item!["personKey"]);
        Assert.Equal(_hub.KeyOf(1), (string?)item!["evidence"]!.AsArray().Single(e => (string?)e!["kind"] == "householdMember")!["member"]);
    }

    private static string Lease(int index) => $"{Id(index)},王{index},公租房,朝阳区幸福里{index}号,{CommunityA1},G01,2025-01-01,2030-12-31,860,2\r\n";

    private async Task<JsonArray> ItemsAsync()
    {
        using var officer = _hub.As("housing-officer", HubRoles.DepartmentOfficer, "110100000000", department: "housing-security");
        using var response = await officer.GetAsync(new Uri("/api/worklist?status=open", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response))["items"]!.AsArray();
    }

    private async Task PushAsync(string source, string csv)
    {
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv), "text/csv", "delta");
        Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
    }
}
