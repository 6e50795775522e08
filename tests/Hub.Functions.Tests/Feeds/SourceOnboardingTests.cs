using System.Text;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

[Collection(AzuriteFixture.Collection)]
public sealed class SourceOnboardingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string HealthCommissionMapping = """
        {
          "id": "health-commission",
          "displayName": "卫健委 严重精神障碍患者管理名册",
          "department": "卫健委",
          "matchWithoutId": true,
          "fields": [
            { "column": "身份证号码", "attribute": "residentId", "type": "residentId", "required": true, "sensitivity": "l4", "sharing": "conditional" },
            { "column": "患者姓名", "attribute": "name", "type": "name", "required": true },
            { "column": "管理类别", "attribute": "condition", "type": "code", "codeList": "管理类别", "required": true, "sensitivity": "l4", "sharing": "conditional" },
            { "column": "诊断", "attribute": "diagnosis", "type": "code", "codeList": "诊断", "required": true, "sensitivity": "l4", "sharing": "conditional" },
            { "column": "危险性评估等级", "attribute": "riskLevel", "type": "wholeNumber", "sensitivity": "l4", "sharing": "conditional" },
            { "column": "管理日期", "attribute": "validFrom", "type": "date" },
            { "column": "现住址区划", "attribute": "residenceDivision", "type": "division" }
          ],
          "codeLists": {
            "管理类别": { "严重精神障碍": "severe-mental-illness" },
            "诊断": { "精神分裂症": "schizophrenia", "双相情感障碍": "bipolar" }
          }
        }
        """;

    private readonly DirectoryInfo _sources = Directory.CreateTempSubdirectory("hub-sources-");
    private HubFactory? _hub;

    public Task InitializeAsync()
    {
        foreach (var shipped in Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json"))
        {
            File.Copy(shipped, Path.Combine(_sources.FullName, Path.GetFileName(shipped)));
        }

        File.WriteAllText(Path.Combine(_sources.FullName, "health-commission.json"), HealthCommissionMapping);
        _hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Sources:Path"] = _sources.FullName });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _hub!.DisposeAsync();
        _sources.Delete(recursive: true);
    }

    [Fact]
    public async Task A_fifth_layout_dropped_into_the_sources_folder_is_pushed_and_processed_with_no_code_change()
    {
        var client = _hub!.CreateClientWithToken(DevelopmentTokens.Mint("health-client", [HubRoles.FeedPublisher("health-commission")]));
        var csv = "身份证号码,患者姓名,管理类别,诊断,危险性评估等级,管理日期,现住址区划\r\n" +
            $"{TestPeople.Id(7)},周杰,严重精神障碍,精神分裂症,2,2023年6月1日,110105003\r\n" +
            $"{TestPeople.Id(8)},吴敏,严重精神障碍,抑郁,1,2023-06-01,110105003\r\n" +
            "1.10105E+17,郑华,严重精神障碍,双相情感障碍,3,2023-06-02,110105003\r\n";

        var report = await client.PushAndWaitAsync("health-commission", Encoding.UTF8.GetBytes(csv), "text/csv");
        var sources = await client.GetStringAsync(new Uri("/api/sources", UriKind.Relative));

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 3, Inserted = 2, Rejected = 1, Unidentified = 1 }, report.Counts);
        Assert.Equal("诊断", Assert.Single(report.FirstRejections).Field);
        var rowReport = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));
        Assert.Contains("4,身份证号码,", rowReport, StringComparison.Ordinal);
        Assert.Contains(",kept for matching", rowReport, StringComparison.Ordinal);
        var key = _hub!.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(TestPeople.Id(7)));
        var steward = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward-1", [HubRoles.DataSteward], "110100000000"));
        var profile = await steward.GetStringAsync(new Uri($"/api/profiles/{key}", UriKind.Relative));
        Assert.Contains("\"group\":\"severe-mental-illness\"", profile, StringComparison.Ordinal);
        var facts = await _hub.Storage.QueryFactsAsync<Azure.Data.Tables.TableEntity>(f => f.GetString("Source") == "health-commission").ToListAsync();
        Assert.Single(facts, f => f.GetBoolean("Identified") == false);
        Assert.Contains("\"id\":\"health-commission\"", sources, StringComparison.Ordinal);
    }
}
