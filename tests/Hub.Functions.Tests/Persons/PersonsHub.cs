using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Persons;

/// <summary>
/// The Hub loaded with residents of two streets of one district, placed by the police register (residence with
/// grid, registration) and on 低保 with civil affairs; and clients for the people who look at them.
/// </summary>
internal sealed class PersonsHub : IAsyncDisposable
{
    public const string District = "110105000000";
    public const string StreetA = "110105001000";
    public const string StreetB = "110105002000";
    public const string CommunityA1 = "110105001001";
    public const string CommunityA2 = "110105001002";
    public const string CommunityB1 = "110105002001";

    public PersonsHub(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        var all = new Dictionary<string, string?> { ["Hub:RateLimits:TokenLimit"] = "1000", ["Hub:RateLimits:TokensPerPeriod"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new HubFactory(azurite, all) { TestServices = testServices };
    }

    public HubFactory Factory { get; }

    /// <summary>A valid ID number for resident <paramref name="index"/>, a man born 1950-01-01.</summary>
    public static string Id(int index)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"11010519500101{(2 * index) + 1:D3}");
        return IdNumbers.Complete(body);
    }

    /// <summary>Pushes the police register and the civil-affairs 低保 roll for <paramref name="residents"/>.</summary>
    public async Task LoadAsync(params Resident[] residents)
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态\r\n");
        var civil = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话,现住址\r\n");
        foreach (var r in residents)
        {
            police.Append(CultureInfo.InvariantCulture, $"{Id(r.Index)},{r.Name},男,H{r.Household ?? r.Index},户主,朝阳区幸福里{r.Index}号,{r.Registration},户籍,{r.Residence},{r.Grid},正常\r\n");
            if (r.Dibao)
            {
                civil.Append(CultureInfo.InvariantCulture, $"{Id(r.Index)},{r.Name},男,城市低保,1250,2024/3/1,{r.Residence},{r.Grid},13812345678,北京市朝阳区和平街道安华里社区3号楼\r\n");
            }
        }

        foreach (var (source, csv) in new[] { ("police", police), ("civil-affairs", civil) })
        {
            var report = await Factory.CreatePublisherClient(source).PushAndWaitAsync(source, Encoding.UTF8.GetBytes(csv.ToString()), "text/csv");
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    public string KeyOf(int index) => Factory.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(Id(index))).Value;

    public HttpClient As(string subject, string role, string division, string? grid = null, string? department = null) =>
        Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal(subject, [role], division, grid, department));

    public HttpClient GridWorker(string grid = "G01", string community = CommunityA1) => As("grid-" + grid, HubRoles.GridWorker, community, grid);

    public HttpClient StreetOfficer(string street = StreetA, string subject = "street-officer") => As(subject, HubRoles.StreetOfficer, street);

    public HttpClient DistrictOfficer(string subject = "district-officer") => As(subject, HubRoles.DistrictOfficer, District);

    /// <summary>Every audit event so far, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> EventsAsync()
    {
        var search = Factory.Services.GetRequiredService<AuditSearch>();
        var query = new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) };
        var events = new List<AuditRecord>();
        await foreach (var record in search.SearchAllAsync(query))
        {
            // The Hub's own start-up event (the policy files in force) is not a request's.
            if (record.Event.Action != AuditAction.PolicyChange)
            {
                events.Add(record);
            }
        }

        return events.OrderBy(e => e.Sequence).ToList();
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public async ValueTask DisposeAsync()
    {
        await Factory.Storage.DeleteResidentsAsync();
        await Factory.Storage.Reviews.DeleteAsync();
        await Factory.DisposeAsync();
    }
}

/// <summary>A resident as the register places them: residence (with grid) and registration.</summary>
internal sealed record Resident(int Index, string Name, string Residence, string? Grid, string Registration, bool Dibao = true, int? Household = null);
