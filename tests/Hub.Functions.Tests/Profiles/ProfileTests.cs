using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Profiles;

[Collection(AzuriteFixture.Collection)]
public sealed class ProfileTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite, SnapshotSettings.AppliedWhole);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_profile_joins_the_departments_facts_with_police_authoritative_for_the_name()
    {
        var id = TestPeople.Id(42);
        await PushPoliceAsync(id, "陈明");
        await _hub.CreatePublisherClient("civil-affairs").PushAndWaitAsync("civil-affairs", CivilAffairs(id, "陳 明"), "text/csv");

        var profile = await ReadProfileAsync(id);

        Assert.Equal("陈明", (string?)profile["attributes"]!["name"]!["value"]);
        Assert.Equal("police", (string?)profile["attributes"]!["name"]!["provenance"]!["source"]);
        Assert.Equal("陳明", (string?)profile["attributes"]!["name"]!["conflicts"]![0]!["value"]);
        Assert.Equal(["civil-affairs", "police"], profile["sources"]!.AsArray().Select(s => (string?)s));
        var dibao = Assert.Single(profile["memberships"]!.AsArray(), m => (string?)m!["group"] == "dibao")!;
        Assert.Equal("2024-03-01", (string?)dibao["validFrom"]);
        Assert.Equal("110105003002", (string?)profile["registration"]!["division"]);
        Assert.StartsWith("h", (string?)profile["householdKey"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_benefit_a_snapshot_no_longer_holds_stays_in_the_profile_with_its_end()
    {
        var id = TestPeople.Id(43);
        var other = TestPeople.Id(44);
        var civil = _hub.CreatePublisherClient("civil-affairs");
        await civil.PushAndWaitAsync("civil-affairs", CivilAffairs(id, "周兰", other), "text/csv", "snapshot");
        await civil.PushAndWaitAsync("civil-affairs", CivilAffairs(other, "吴芳"), "text/csv", "snapshot");

        var profile = await ReadProfileAsync(id);

        var dibao = Assert.Single(profile["memberships"]!.AsArray(), m => (string?)m!["group"] == "dibao")!;
        Assert.NotNull(dibao["endedAt"]);
    }

    [Fact]
    public async Task Only_data_stewards_read_whole_profiles()
    {
        var id = TestPeople.Id(45);
        await PushPoliceAsync(id, "郑华");
        var key = _hub.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(id));

        using var publisher = await _hub.CreatePublisherClient("police").GetAsync(new Uri($"/api/profiles/{key}", UriKind.Relative));
        using var unknown = await StewardClient().GetAsync(new Uri($"/api/profiles/{new string('0', 32)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, publisher.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_steward_looks_a_person_up_by_id_number_sent_in_the_body_only()
    {
        var id = TestPeople.Id(46);
        await PushPoliceAsync(id, "冯刚");
        var steward = StewardClient();

        using var found = await steward.PostAsJsonAsync("/api/profiles/lookup", new { residentId = id.ToLowerInvariant() });
        using var invalid = await steward.PostAsJsonAsync("/api/profiles/lookup", new { residentId = id[..17] + (id[17] == '0' ? "1" : "0") });
        using var unknown = await steward.PostAsJsonAsync("/api/profiles/lookup", new { residentId = TestPeople.Id(47) });
        using var forbidden = await _hub.CreatePublisherClient("police").PostAsJsonAsync("/api/profiles/lookup", new { residentId = id });

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("冯刚", (string?)JsonNode.Parse(await found.Content.ReadAsStringAsync())!["attributes"]!["name"]!["value"]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("check character", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain(_hub.Logs.Lines, line => line.Contains(id[..17], StringComparison.OrdinalIgnoreCase));
    }

    private HttpClient StewardClient() => _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-1", [HubRoles.DataSteward], "110100000000"));

    private async Task<JsonNode> ReadProfileAsync(string id)
    {
        var key = _hub.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(id));
        return JsonNode.Parse(await StewardClient().GetStringAsync(new Uri($"/api/profiles/{key}", UriKind.Relative)))!;
    }

    private async Task PushPoliceAsync(string id, string name)
    {
        var csv = "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n" +
            $"{id},{name},男,H-0042,户主,朝阳区幸福里1号,110105003002,户籍,110105003002,正常\r\n";
        await _hub.CreatePublisherClient("police").PushAndWaitAsync("police", Encoding.UTF8.GetBytes(csv), "text/csv");
    }

    private static byte[] CivilAffairs(string id, string name, string? secondId = null)
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n");
        csv.Append($"{id},{name},男,城市低保,1250,2024/3/1,110105003002,G07\r\n");
        if (secondId is not null)
        {
            csv.Append($"{secondId},吴芳,女,城市低保,900,2024/3/1,110105003002,G07\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
