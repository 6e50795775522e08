using Hub.Samples;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

/// <summary>
/// A draft never writes or prints a personal value: every ID number, name, phone, address and birth date of every
/// person in the sample is looked for in the draft file, the summary, the JSON report and the errors.
/// </summary>
public sealed class SourcesDraftPrivacyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Layouts() => ["civil-affairs.csv", "police.csv", "disability-federation.xlsx", "housing-security.ndjson", "certificates.csv", "rentals.json", "nameless.csv"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task No_personal_value_of_the_sample_appears_in_anything_the_draft_writes_or_prints(string fileName)
    {
        var people = await WriteAsync(fileName);
        var path = _folder.File(fileName);

        var summary = await Cli.RunAsync("sources", "draft", path, "--output", _folder.File("summary.json"), "--sources-folder", ShippedFiles.SourcesFolder, "--source", "privacy");
        var json = await Cli.RunAsync("sources", "draft", path, "--output", _folder.File("report.json"), "--sources-folder", ShippedFiles.SourcesFolder, "--source", "privacy", "--json");

        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        var written = string.Join("\n", summary.Output, summary.Error, json.Output, json.Error, File.ReadAllText(_folder.File("summary.json")), File.ReadAllText(_folder.File("report.json")));
        var values = OnboardingExports.PersonalValues(people).ToList();
        Assert.True(values.Count > 100, $"{values.Count} personal values");
        Assert.DoesNotContain(values, v => written.Contains(v, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<IReadOnlyList<Person>> WriteAsync(string fileName)
    {
        var path = _folder.File(fileName);
        switch (fileName)
        {
            case "certificates.csv":
                return await OnboardingExports.WriteCertificatesAsync(path, SampleFileFormat.CsvGb18030);
            case "rentals.json":
                return await OnboardingExports.WriteRentalsAsync(path, nested: true);
            case "nameless.csv":
                return await OnboardingExports.WriteNamelessAsync(path);
            default:
                var files = await SampleSet.WriteAsync(OnboardingExports.Population, _folder.Path);
                return [.. files.Single(f => Path.GetFileName(f.Path) == fileName).Feed.Rows.Select(r => r.Person).Distinct()];
        }
    }
}
