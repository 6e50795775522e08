using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Reading;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Feeds.Sources;

/// <summary>Onboarding a department is a new mapping file: these tests add one and use it without any code change.</summary>
public sealed class SourceOnboardingTests : IDisposable
{
    private const string HealthCommission = """
        {
          // 卫健委 严重精神障碍患者管理名册: one row per patient under community management.
          "id": "health-commission",
          "displayName": "卫生健康委员会 严重精神障碍患者管理名册",
          "department": "卫健委",
          "encoding": "gb18030",
          "dateFormats": ["yyyy年MM月dd日"],
          "fields": [
            { "column": "身份证号码", "aliases": ["公民身份号码", "证件号码"], "attribute": "residentId", "type": "residentId", "required": true, "sensitivity": "l4", "sharing": "conditional" },
            { "column": "姓名", "attribute": "name", "type": "name", "required": true, "sensitivity": "l1" },
            { "column": "病种", "aliases": ["诊断"], "attribute": "mentalIllnessType", "type": "code", "codeList": "病种", "required": true, "sensitivity": "l4", "sharing": "notShared" },
            { "column": "管理等级", "aliases": ["危险性评估等级"], "attribute": "riskLevel", "type": "code", "codeList": "管理等级", "sensitivity": "l4", "sharing": "conditional" },
            { "column": "纳入管理日期", "attribute": "validFrom", "type": "date", "required": true, "sensitivity": "l3" },
            { "column": "居住地区划代码", "attribute": "residenceDivision", "type": "division", "required": true, "sensitivity": "l1" },
            { "column": "监护人电话", "attribute": "guardianPhone", "type": "phone", "sensitivity": "l2", "sharing": "conditional" },
            { "column": "随访次数", "attribute": "followUps", "type": "wholeNumber", "sensitivity": "l3", "sharing": "notShared" }
          ],
          "codeLists": {
            "病种": {
              "精神分裂症": "schizophrenia", "双相情感障碍": "bipolar", "偏执性精神病": "paranoid-psychosis",
              "分裂情感性障碍": "schizoaffective", "癫痫所致精神障碍": "epilepsy-related",
              "精神发育迟滞伴发精神障碍": "intellectual-disability-related"
            },
            "管理等级": { "0级": "0", "1级": "1", "2级": "2", "3级": "3", "4级": "4", "5级": "5" }
          }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hub-sources-" + Guid.NewGuid().ToString("N"));

    public SourceOnboardingTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var shipped in Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json"))
        {
            File.Copy(shipped, Path.Combine(_folder, Path.GetFileName(shipped)));
        }

        File.WriteAllText(Path.Combine(_folder, "health-commission.json"), HealthCommission);
    }

    [Fact]
    public void New_layout_file_loads_next_to_the_shipped_ones()
    {
        var catalog = SourceCatalog.Load(_folder);

        Assert.Equal(["civil-affairs", "disability-federation", "health-commission", "housing-security", "police"], catalog.All.Select(s => s.Id));
        Assert.True(catalog.TryGet("health-commission", out var health));
        Assert.Empty(SourceCatalog.Validate(health));
        Assert.Equal("卫健委", health.Department);
        Assert.Equal(SharingType.NotShared, health.Fields.Single(f => f.Attribute == "mentalIllnessType").Sharing);
    }

    [Fact]
    public async Task Row_in_the_new_layout_normalises_with_no_code_change()
    {
        var catalog = SourceCatalog.Load(_folder);
        Assert.True(catalog.TryGet("health-commission", out var mapping));
        var normaliser = new RecordNormaliser(mapping, FeedDates.Received);
        var file = CharsetEncoding.Gb18030.GetBytes(
            "证件号码,姓名,诊断,危险性评估等级,纳入管理日期,居住地区划代码,监护人电话,随访次数\r\n"
            + "11010519491231002x,张 三,精神分裂症,3级,2023年05月06日,110105001002,010-12345678,\"1,204\"\r\n");

        var rows = await FeedFiles.ReadAllAsync(file, "text/csv", mapping.Encoding);

        var row = Assert.Single(rows);
        Assert.Empty(normaliser.MissingRequiredColumns(row.Values.Keys));
        Assert.True(normaliser.TryNormalise(row, out var record, out var rejections), string.Join("; ", rejections));
        Assert.NotNull(record);
        Assert.Equal(2, record.Row);
        Assert.Equal("11010519491231002X", record.ResidentId?.Value);
        Assert.Equal(string.Empty, record.Discriminator);
        var expected = new Dictionary<string, string>
        {
            ["residentId"] = "11010519491231002X",
            ["name"] = "张三",
            ["mentalIllnessType"] = "schizophrenia",
            ["riskLevel"] = "3",
            ["validFrom"] = "2023-05-06",
            ["residenceDivision"] = "110105001002",
            ["guardianPhone"] = "01012345678",
            ["followUps"] = "1204",
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), record.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void New_layout_rejects_a_diagnosis_outside_its_code_list_without_quoting_it()
    {
        var catalog = SourceCatalog.Load(_folder);
        Assert.True(catalog.TryGet("health-commission", out var mapping));
        var row = new FeedRow(5, new Dictionary<string, string?>
        {
            ["身份证号码"] = "440524188001010014",
            ["姓名"] = "李四",
            ["病种"] = "抑郁症",
            ["纳入管理日期"] = "2023-05-06",
            ["居住地区划代码"] = "440524",
        });

        Assert.False(new RecordNormaliser(mapping, FeedDates.Received).TryNormalise(row, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal("病种", rejection.Field);
        Assert.DoesNotContain("抑郁症", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void New_layout_reports_its_own_missing_required_columns()
    {
        var catalog = SourceCatalog.Load(_folder);
        Assert.True(catalog.TryGet("health-commission", out var mapping));
        string[] civilAffairsHeader = ["身份证号码", "姓名", "救助类型", "享受起始日期", "居住地区划代码"];

        var missing = new RecordNormaliser(mapping, FeedDates.Received).MissingRequiredColumns(civilAffairsHeader);

        Assert.Equal(["病种", "纳入管理日期"], missing);
    }

    [Fact]
    public void Broken_new_layout_stops_the_catalogue_naming_the_source_and_the_mistake()
    {
        var broken = Path.Combine(_folder, "zz-broken.json");
        File.WriteAllText(broken, HealthCommission.Replace("\"health-commission\"", "\"broken\"", StringComparison.Ordinal).Replace("\"codeList\": \"病种\"", "\"codeList\": \"诊断\"", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidDataException>(() => SourceCatalog.Load(_folder));

        Assert.Contains("'broken'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("codeList '诊断' is not defined", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }
}
