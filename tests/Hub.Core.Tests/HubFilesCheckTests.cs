using Hub.Tests.Shared;

namespace Hub.Core.Tests;

/// <summary>The check of the Hub's files that its start and <c>hub sources check</c> both run.</summary>
public sealed class HubFilesCheckTests : IDisposable
{
    private readonly DirectoryInfo _hub = Directory.CreateTempSubdirectory("hub-files-");

    public HubFilesCheckTests()
    {
        // A Hub folder as shipped: sources/, rules/, policy/.
        foreach (var file in new[] { ShippedFiles.ProfileRules, ShippedFiles.MatchingRules, ShippedFiles.AccessPolicy }
            .Concat(Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json")))
        {
            var target = Path.Combine(_hub.FullName, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Sources => Path.Combine(_hub.FullName, "sources");

    [Fact]
    public void The_shipped_files_have_no_error_and_say_which_named_source_waits_for_its_mapping()
    {
        var report = HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName));

        Assert.False(report.HasErrors, report.ErrorLines);
        var warning = Assert.Single(report.Findings);
        Assert.Equal("source 'health-commission'", warning.Key);
        Assert.NotNull(report.Sources);
        Assert.NotNull(report.AccessPolicy);
    }

    [Fact]
    public void A_rule_naming_an_attribute_the_mapping_does_not_provide_is_a_warning_naming_the_rule_and_the_fix()
    {
        var housing = Path.Combine(Sources, "housing-security.json");
        File.WriteAllLines(housing, File.ReadAllLines(housing).Where(l => !l.Contains("householdSize", StringComparison.Ordinal)));

        var report = HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName));

        Assert.False(report.HasErrors, report.ErrorLines);
        var warning = Assert.Single(report.Warnings, w => w.Key == "groups[7] 'public-housing'.details");
        Assert.EndsWith(Path.Combine("rules", "profiles.json"), warning.File, StringComparison.Ordinal);
        Assert.Contains("does not map attribute 'householdSize'", warning.Problem, StringComparison.Ordinal);
        Assert.Contains("map a column", warning.Fix, StringComparison.Ordinal);
        Assert.NotNull(report.ProfileRules);
    }

    [Fact]
    public void A_deployment_with_only_a_new_source_has_warnings_and_no_error()
    {
        foreach (var file in Directory.EnumerateFiles(Sources))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(Sources, "veterans.json"), """
            { "id": "veterans", "displayName": "退役军人", "department": "退役军人事务局",
              "fields": [ { "column": "身份证号", "attribute": "residentId", "type": "residentId", "required": true, "sensitivity": "l4" },
                          { "column": "姓名", "attribute": "name", "type": "name" } ] }
            """);

        var report = HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName));

        Assert.False(report.HasErrors, report.ErrorLines);
        Assert.Contains(report.Warnings, w => w.Key.StartsWith("masks.", StringComparison.Ordinal) && w.File.EndsWith("access.json", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Key == "source 'police'");
        Assert.Equal(["veterans"], report.Sources!.All.Select(s => s.Id));
    }

    [Fact]
    public void A_mapping_that_contradicts_itself_is_one_error_naming_the_file_the_key_and_the_fix()
    {
        var police = Path.Combine(Sources, "police.json");
        File.WriteAllText(police, File.ReadAllText(police).Replace("\"attribute\": \"sex\"", "\"attribute\": \"name\"", StringComparison.Ordinal));

        var report = HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName));

        var error = Assert.Single(report.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(police, error.File);
        Assert.Equal("fields", error.Key);
        Assert.Contains("attribute 'name' is mapped twice", error.Problem, StringComparison.Ordinal);
        Assert.Contains("aliases", error.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Line);
        Assert.Null(report.Sources);
        Assert.Throws<InvalidDataException>(() => report.Require(r => r.Sources));
    }

    [Fact]
    public void A_malformed_mapping_names_the_key_and_line_where_it_breaks()
    {
        var civil = Path.Combine(Sources, "civil-affairs.json");
        File.WriteAllText(civil, File.ReadAllText(civil).Replace("\"type\": \"date\"", "\"type\": \"day\"", StringComparison.Ordinal));

        var error = Assert.Single(HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName)).Findings, f => f.Severity == FindingSeverity.Error);

        Assert.Equal(civil, error.File);
        Assert.Matches(@"^fields\[\d+\]\.type$", error.Key);
        Assert.Contains("(line ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_mappings_with_one_id_are_an_error_naming_both_files()
    {
        File.Copy(Path.Combine(Sources, "police.json"), Path.Combine(Sources, "police-copy.json"));

        var error = Assert.Single(HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName)).Findings, f => f.Severity == FindingSeverity.Error);

        Assert.Equal("id", error.Key);
        Assert.EndsWith("police.json", error.File, StringComparison.Ordinal);
        Assert.Contains("police-copy.json", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_rules_and_policy_are_errors_by_key_and_a_missing_file_names_its_setting()
    {
        var rules = Path.Combine(_hub.FullName, "rules", "profiles.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"utcOffsetHours\": 8", "\"utcOffsetHours\": 30", StringComparison.Ordinal));
        File.Delete(Path.Combine(_hub.FullName, "policy", "access.json"));

        var report = HubFilesCheck.Run(HubFiles.InFolder(_hub.FullName));

        Assert.Contains(report.Findings, f => f is { Severity: FindingSeverity.Error, Key: "utcOffsetHours" } && f.File == rules);
        Assert.Contains(report.Findings, f => f is { Severity: FindingSeverity.Error, Key: "Hub:Access:PolicyPath" });
        Assert.Equal(2, report.Findings.Count(f => f.Severity == FindingSeverity.Error));
    }

    [Fact]
    public void The_sources_folder_itself_may_be_given_and_its_parent_holds_the_rules_and_the_policy()
    {
        var files = HubFiles.InFolder(Sources);

        Assert.Equal(Sources, files.SourcesFolder);
        Assert.Equal(Path.Combine(_hub.FullName, "policy", "access.json"), files.AccessPolicyFile);
    }

    public void Dispose() => _hub.Delete(recursive: true);
}
