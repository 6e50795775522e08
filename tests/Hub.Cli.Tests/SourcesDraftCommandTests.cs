using System.Text.Json;
using Hub.Core.Feeds.Sources;
using Hub.Samples;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

/// <summary>Drafts of the shipped departments' samples and of the awkward layouts load, and pass the Hub's own checks.</summary>
public sealed class SourcesDraftCommandTests : IDisposable
{
    private static readonly Population People = new PopulationGenerator(new PopulationOptions { Seed = 5, People = 600 }).Generate();
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [MemberData(nameof(SampleLayouts.All), MemberType = typeof(SampleLayouts))]
    public async Task A_draft_of_a_shipped_sample_maps_every_column_as_the_shipped_mapping_does(string source, string fileName)
    {
        await SampleSet.WriteAsync(People, _folder.Path);

        var draft = await DraftRun.RunAsync(_folder.File(fileName), _folder.File("draft.json"), "--source", "draft-" + source);

        var shipped = SourceCatalog.LoadFile(ShippedFiles.Source(source));
        Assert.Equal(shipped.Fields.ToDictionary(f => f.Column, f => f.Attribute), draft.Mapping.Fields.ToDictionary(f => f.Column, f => f.Attribute));
        Assert.All(shipped.Fields, f => Assert.Equal(f.Type, draft.Fields[f.Attribute].Type));
        Assert.All(shipped.Fields, f => Assert.True(draft.Fields[f.Attribute].Sensitivity >= f.Sensitivity && draft.Fields[f.Attribute].Sharing >= f.Sharing, f.Attribute));
        Assert.Equal(SourceIdentity.ResidentId, draft.Mapping.Identity);
        Assert.Equal("residentId", draft.Report.GetProperty("identity").GetString());
    }

    [Fact]
    public async Task A_draft_of_civil_affairs_keys_a_persons_records_by_assistance_type()
    {
        await SampleSet.WriteAsync(People, _folder.Path);

        var draft = await DraftRun.RunAsync(_folder.File("civil-affairs.csv"), _folder.File("draft.json"), "--source", "draft-civil");

        Assert.Equal(["assistanceType"], draft.Mapping.RecordKey);
        Assert.Contains("ID numbers repeat in", draft.Text, StringComparison.Ordinal);
        var trial = draft.Report.GetProperty("trial");
        Assert.Equal(trial.GetProperty("received").GetInt64(), trial.GetProperty("accepted").GetInt64() + trial.GetProperty("rejected").GetInt64());
        Assert.True(trial.GetProperty("accepted").GetInt64() >= 0.9 * trial.GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Drafts_of_every_layout_pass_sources_check_and_validate_accepts_their_files()
    {
        var hub = HubFolder();
        await SampleSet.WriteAsync(People, _folder.Path);
        var files = SampleSet.Layout.Select(l => (Source: "draft-" + l.Source, Path: _folder.File(l.FileName))).ToList();
        await OnboardingExports.WriteCertificatesAsync(_folder.File("certificates.xlsx"), SampleFileFormat.Xlsx);
        await OnboardingExports.WriteRentalsAsync(_folder.File("rentals.json"), nested: false);
        await OnboardingExports.WriteNamelessAsync(_folder.File("nameless.csv"));
        files.AddRange([("certificates", _folder.File("certificates.xlsx")), ("rentals", _folder.File("rentals.json")), ("nameless", _folder.File("nameless.csv"))]);

        foreach (var (source, path) in files)
        {
            await DraftRun.RunAsync(path, Path.Combine(hub, "sources", source + ".json"), "--source", source);
        }

        var check = await Cli.RunAsync("sources", "check", hub);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Contains("The Hub would start", check.Output, StringComparison.Ordinal);
        foreach (var (source, path) in files)
        {
            var validate = await Cli.RunAsync("validate", path, "--source", source, "--sources-folder", Path.Combine(hub, "sources"), "--json");
            var report = JsonDocument.Parse(validate.Output).RootElement;
            Assert.True(report.GetProperty("accepted").GetInt64() >= 0.9 * report.GetProperty("received").GetInt64(), $"{source}: {validate.Output}");
            Assert.True(report.GetProperty("received").GetInt64() > 20, source);
        }
    }

    [Fact]
    public async Task An_existing_draft_is_kept_unless_forced()
    {
        await SampleSet.WriteAsync(People, _folder.Path);
        var output = _folder.File("draft.json");
        await File.WriteAllTextAsync(output, "{}");

        var run = await Cli.RunAsync("sources", "draft", _folder.File("police.csv"), "--output", output, "--sources-folder", ShippedFiles.SourcesFolder);
        var forced = await Cli.RunAsync("sources", "draft", _folder.File("police.csv"), "--output", output, "--sources-folder", ShippedFiles.SourcesFolder, "--force");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Equal("police", SourceCatalog.LoadFile(output).Id);
    }

    [Fact]
    public async Task The_summary_table_names_each_column_and_what_it_became()
    {
        await SampleSet.WriteAsync(People, _folder.Path);

        var run = await Cli.RunAsync("sources", "draft", _folder.File("housing-security.ndjson"), "--output", _folder.File("draft.json"), "--sources-folder", ShippedFiles.SourcesFolder);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("承租人身份证号", run.Output, StringComparison.Ordinal);
        Assert.Contains("residentId", run.Output, StringComparison.Ordinal);
        Assert.Contains("Wrote the draft of source 'housing-security'", run.Output, StringComparison.Ordinal);
        Assert.Contains("The draft loads. With it as it is, the Hub would accept", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("civil-affairs.csv", "civil-affairs")]
    [InlineData("2024 Rentals (v2).xlsx", "rentals-v2")]
    [InlineData("残联名册.csv.gz", "new-source")]
    public void A_source_id_is_made_from_the_file_name(string fileName, string source)
    {
        Assert.Equal(source, SourcesDraftCommand.SourceFromFileName(fileName));
    }

    [Theory]
    [InlineData("housing-security.ndjson", "--charset", "gb18030", "--charset applies to CSV files only")]
    [InlineData("police.csv", "--charset", "latin1", "--charset must be utf-8 or gb18030")]
    [InlineData("police.csv", "--sheet", "名册", "--sheet applies to XLSX workbooks only")]
    public async Task An_option_that_does_not_fit_the_file_is_a_usage_error(string fileName, string option, string value, string message)
    {
        await SampleSet.WriteAsync(People, _folder.Path);

        var run = await Cli.RunAsync("sources", "draft", _folder.File(fileName), "--output", _folder.File("draft.json"), option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("draft.json")));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A Hub folder as shipped (sources/, rules/, policy/), for the drafts to join.</summary>
    private string HubFolder()
    {
        var hub = _folder.File("hub");
        foreach (var file in new[] { ShippedFiles.ProfileRules, ShippedFiles.MatchingRules, ShippedFiles.AccessPolicy }
            .Concat(Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json")))
        {
            var target = Path.Combine(hub, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return hub;
    }
}
