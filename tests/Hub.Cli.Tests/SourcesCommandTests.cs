using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

public sealed class SourcesCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public SourcesCommandTests()
    {
        // A Hub folder as shipped: sources/, rules/, policy/.
        foreach (var file in new[] { ShippedFiles.ProfileRules, ShippedFiles.MatchingRules, ShippedFiles.AccessPolicy }
            .Concat(Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json")))
        {
            var target = Path.Combine(_folder.Path, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Sources => Path.Combine(_folder.Path, "sources");

    [Fact]
    public async Task Check_of_the_shipped_files_exits_0_and_says_the_hub_would_start()
    {
        var run = await Cli.RunAsync("sources", "check", _folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("The Hub would start", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Check_prints_a_rule_naming_an_unmapped_attribute_as_a_warning_and_exits_0()
    {
        var housing = Path.Combine(Sources, "housing-security.json");
        File.WriteAllLines(housing, File.ReadAllLines(housing).Where(l => !l.Contains("householdSize", StringComparison.Ordinal)));

        var run = await Cli.RunAsync("sources", "check", Sources);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("groups[7] 'public-housing'.details: source 'housing-security' does not map attribute 'householdSize'", run.Output, StringComparison.Ordinal);
        Assert.Contains("; fix: map a column", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_self_contradicting_mapping_prints_file_key_and_fix_and_exits_1()
    {
        var police = Path.Combine(Sources, "police.json");
        File.WriteAllText(police, File.ReadAllText(police).Replace("\"attribute\": \"sex\"", "\"attribute\": \"name\"", StringComparison.Ordinal));

        var run = await Cli.RunAsync("sources", "check", _folder.Path);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"error: {police}: fields: attribute 'name' is mapped twice; fix: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("The Hub would not start: 1 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_reports_a_broken_policy_given_by_option_by_its_key()
    {
        var policy = Path.Combine(_folder.Path, "other-policy.json");
        File.WriteAllText(policy, File.ReadAllText(ShippedFiles.AccessPolicy).Replace("\"conditionalWithoutPurpose\": \"hidden\"", "\"conditionalWithoutPurpose\": \"shown\"", StringComparison.Ordinal));

        var run = await Cli.RunAsync("sources", "check", _folder.Path, "--policy", policy);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"{policy}: conditionalWithoutPurpose: must be hidden or masked", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_a_broken_mapping_as_sources_check_does()
    {
        var police = Path.Combine(Sources, "police.json");
        File.WriteAllText(police, File.ReadAllText(police).Replace("\"attribute\": \"sex\"", "\"attribute\": \"name\"", StringComparison.Ordinal));
        var feed = _folder.File("feed.csv");
        File.WriteAllText(feed, "公民身份号码,姓名\r\n");

        var run = await Cli.RunAsync("validate", feed, "--source", "police", "--sources-folder", Sources);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"error: {police}: fields: attribute 'name' is mapped twice; fix: ", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
