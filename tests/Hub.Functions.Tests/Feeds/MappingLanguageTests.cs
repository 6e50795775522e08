using System.Text;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>
/// Exports laid out the way offices lay them out, each onboarded by a mapping file alone and pushed through the Hub:
/// an ID inside a certificate number, a constant, a joined address, a layout without IDs, and bad optional values.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MappingLanguageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The certificate number 残疾人证号 is the holder's 18-character ID followed by the category and grade digits.
    private const string CertificateMapping = """
        {
          "id": "disability-certificates",
          "displayName": "残联 持证名册 (证号版)",
          "department": "残联",
          "fields": [
            { "column": "残疾人证号", "attribute": "residentId", "type": "residentId", "required": true, "pattern": "^(?<id>.{17}[0-9Xx])[1-7][1-4]$", "sensitivity": "l4", "sharing": "conditional" },
            { "column": "残疾人证号", "attribute": "disabilityCategory", "type": "code", "codeList": "类别代码", "substring": { "start": 19, "length": 1 }, "sensitivity": "l3", "sharing": "conditional" },
            { "column": "残疾人证号", "attribute": "disabilityGrade", "type": "text", "substring": { "start": 20, "length": 1 }, "sensitivity": "l3", "sharing": "conditional" },
            { "column": "残疾人证号", "attribute": "disabilityCertificate", "type": "text", "sensitivity": "l3", "sharing": "conditional" },
            { "column": "姓名", "attribute": "name", "type": "name", "required": true },
            { "column": "联系电话", "attribute": "phone", "type": "phone", "sensitivity": "l2", "sharing": "conditional" }
          ],
          "codeLists": { "类别代码": { "1": "visual", "2": "hearing", "3": "speech", "4": "physical", "5": "intellectual", "6": "psychosocial", "7": "multiple" } }
        }
        """;

    // Every row of this export is a public-rental tenant, the address is split over three columns, and there is no ID.
    private const string RentalMapping = """
        {
          "id": "public-rental",
          "displayName": "公租房 承租台账",
          "department": "住房保障",
          "identity": "none",
          "fields": [
            { "column": "承租人", "attribute": "name", "type": "name", "required": true },
            { "column": "联系电话", "attribute": "phone", "type": "phone", "sensitivity": "l2", "sharing": "conditional" },
            { "attribute": "housingType", "type": "code", "codeList": "保障类型", "constant": "公租房", "sensitivity": "l3", "sharing": "conditional" },
            { "attribute": "residenceAddress", "type": "text", "template": "{楼栋}栋{单元}单元{房号}室", "sensitivity": "l2", "sharing": "conditional" },
            { "column": "入住日期", "attribute": "validFrom", "type": "date", "sensitivity": "l3" }
          ],
          "codeLists": { "保障类型": { "公租房": "public-rental" } }
        }
        """;

    private readonly DirectoryInfo _sources = Directory.CreateTempSubdirectory("hub-mapping-language-");
    private HubFactory? _hub;

    // Every stored fact's attributes, opened, as FactsAsync last read them.
    private Dictionary<string, IReadOnlyDictionary<string, string>> _opened = [];

    public Task InitializeAsync()
    {
        foreach (var shipped in Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json"))
        {
            File.Copy(shipped, Path.Combine(_sources.FullName, Path.GetFileName(shipped)));
        }

        File.WriteAllText(Path.Combine(_sources.FullName, "disability-certificates.json"), CertificateMapping);
        File.WriteAllText(Path.Combine(_sources.FullName, "public-rental.json"), RentalMapping);
        _hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Sources:Path"] = _sources.FullName });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _hub!.DisposeAsync();
        _sources.Delete(recursive: true);
    }

    [Fact]
    public async Task An_id_inside_a_certificate_number_keys_the_person_and_its_digits_give_category_and_grade()
    {
        var client = Publisher("disability-certificates");
        var csv = "残疾人证号,姓名,联系电话\r\n" +
            $"{TestPeople.Id(31)}42,钱进,13800138031\r\n" +
            $"{TestPeople.Id(32)[..12]},孙立,13800138032\r\n";

        var report = await client.PushAndWaitAsync("disability-certificates", Encoding.UTF8.GetBytes(csv), "text/csv");
        var rowReport = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 2, Inserted = 2, Unidentified = 1 }, report.Counts);
        var key = _hub!.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(TestPeople.Id(31))).Value;
        var facts = await FactsAsync("disability-certificates");
        var identified = Assert.Single(facts, f => f.GetBoolean("Identified") == true);
        Assert.Equal(key, identified.GetString("PersonKey"));
        var attributes = Attributes(identified);
        Assert.Equal(("physical", "2", TestPeople.Id(31)), (attributes["disabilityCategory"], attributes["disabilityGrade"], attributes["residentId"]));
        Assert.Contains("3,残疾人证号 → residentId,the value does not match the pattern of residentId,kept for matching", rowReport, StringComparison.Ordinal);
        Assert.Contains("3,残疾人证号 → disabilityCategory,the value is too short for the substring of disabilityCategory (characters 19 to 19),value dropped", rowReport, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPeople.Id(32)[..12], rowReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layout_without_ids_with_a_constant_and_a_joined_address_goes_straight_to_matching()
    {
        var client = Publisher("public-rental");
        var json = """
            [
              { "承租人": "赵敏", "联系电话": "13800138041", "楼栋": "3", "单元": "2", "房号": "1502", "入住日期": "2024-03-01", "备注": "x" },
              { "承租人": "周平", "联系电话": "13800138042", "楼栋": "5", "单元": "1", "房号": "301", "入住日期": "周平自报" },
              { "联系电话": "13800138043", "楼栋": "5", "单元": "1", "房号": "302" }
            ]
            """;

        var report = await client.PushAndWaitAsync("public-rental", Encoding.UTF8.GetBytes(json), "application/json");
        var rowReport = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));

        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = 3, Inserted = 2, Rejected = 1, Unidentified = 2 }, report.Counts);
        Assert.DoesNotContain("required value is missing,kept for matching", rowReport, StringComparison.Ordinal);
        Assert.DoesNotContain("身份证", rowReport, StringComparison.Ordinal);
        Assert.Contains("2,入住日期,\"date is not in a recognised form", rowReport, StringComparison.Ordinal);
        Assert.Contains(")\",value dropped", rowReport, StringComparison.Ordinal);
        Assert.DoesNotContain("周平", rowReport, StringComparison.Ordinal);
        Assert.Equal("承租人", Assert.Single(report.FirstRejections).Field);
        var facts = (await FactsAsync("public-rental")).Select(Attributes).ToList();
        Assert.Equal(["3栋2单元1502室", "5栋1单元301室"], facts.Select(a => a["residenceAddress"]).Order(StringComparer.Ordinal));
        Assert.All(facts, a => Assert.Equal("public-rental", a["housingType"]));
        Assert.Single(facts, a => a.ContainsKey("validFrom"));
        Assert.All(await FactsAsync("public-rental"), f => Assert.False(f.GetBoolean("Identified")));
    }

    [Fact]
    public async Task A_bad_date_in_an_optional_column_of_a_shipped_layout_costs_the_value_not_the_record()
    {
        var client = Publisher("housing-security");
        var csv = "承租人身份证号,承租人姓名,保障类型,社区区划代码,合同起始日期,合同终止日期\r\n" +
            $"{TestPeople.Id(51)},吴刚,公租房,110105003002,2024.03.01,待定\r\n" +
            $"{TestPeople.Id(52)},郑红,公租房,110105003002,不详,2026.02.28\r\n";

        var report = await client.PushAndWaitAsync("housing-security", Encoding.UTF8.GetBytes(csv), "text/csv");
        var rowReport = await client.GetStringAsync(new Uri(report.Links.Rejects, UriKind.Relative));

        Assert.Equal(new BatchCounts { Received = 2, Inserted = 1, Rejected = 1 }, report.Counts);
        Assert.Contains("2,合同终止日期,\"date is not in a recognised form", rowReport, StringComparison.Ordinal);
        Assert.Contains("3,合同起始日期,\"date is not in a recognised form", rowReport, StringComparison.Ordinal);
        var fact = Attributes(Assert.Single(await FactsAsync("housing-security")));
        Assert.Equal("2024-03-01", fact["validFrom"]);
        Assert.DoesNotContain("validTo", fact.Keys);
    }

    private HttpClient Publisher(string source) =>
        _hub!.CreateClientWithToken(DevelopmentTokens.Mint(source + "-client", [HubRoles.FeedPublisher(source)]));

    private async Task<List<TableEntity>> FactsAsync(string source)
    {
        _opened = await OpenedFacts.ByRowKeyAsync(_hub!.Services);
        return await _hub!.Storage.QueryFactsAsync<TableEntity>(f => f.GetString("Source") == source).ToListAsync();
    }

    private Dictionary<string, string> Attributes(TableEntity fact) => new(_opened[fact.RowKey]);
}
