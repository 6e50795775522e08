using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Samples;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [MemberData(nameof(SampleLayouts.All), MemberType = typeof(SampleLayouts))]
    public async Task Validate_gives_the_rejections_the_hub_normaliser_gives(string source, string fileName)
    {
        await WriteSamplesAsync("0.1");
        var path = _folder.File(fileName);

        var run = await Cli.RunAsync("validate", path, "--source", source, "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        var report = JsonSerializer.Deserialize<Report>(run.Output, Json)!;
        var (expected, expectedIdProblems) = await NormaliserRejectionsAsync(path, source);
        Assert.NotEmpty(expected.Concat(expectedIdProblems));
        Assert.Equal(expected, report.Rejections);
        Assert.Equal(expected.Select(r => r.Row).Distinct().Count(), report.Rejected);
        Assert.Equal(expectedIdProblems, report.IdProblems);
        Assert.Equal(expectedIdProblems.Count, report.KeptForMatching);
        Assert.Equal(expected.Count > 0 ? ExitCodes.Failed : ExitCodes.Success, run.ExitCode);
    }

    [Theory]
    [MemberData(nameof(SampleLayouts.All), MemberType = typeof(SampleLayouts))]
    public async Task A_clean_sample_validates_with_exit_code_0(string source, string fileName)
    {
        await WriteSamplesAsync("0");

        var run = await Cli.RunAsync("validate", _folder.File(fileName), "--source", source, "--sources-folder", ShippedFiles.SourcesFolder);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_a_required_column_fails_the_file_as_the_hub_would()
    {
        var path = _folder.File("civil.csv");
        await File.WriteAllTextAsync(path, "身份证号码,姓名\r\n11010519491231002X,王秀英\r\n", new UTF8Encoding(true));

        var run = await Cli.RunAsync("validate", path, "--source", "civil-affairs", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var report = JsonSerializer.Deserialize<Report>(run.Output, Json)!;
        Assert.Contains("救助类型", report.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("姓名,性别\r\n", "the header row lacks required columns")]
    [InlineData("公民身份号码,身份证号码,姓名,户籍地区划代码\r\n11010519491231002X,440524188001010014,王秀英,110105003002\r\n", "'公民身份号码' (column 1) and '身份证号码' (column 2) feed 公民身份号码")]
    [InlineData("<!DOCTYPE html><html><body>登录已过期</body></html>", "the body is not CSV: it looks like an HTML page")]
    [InlineData("\r\n\r\n", "the file has no header: it holds only blank lines")]
    public async Task A_file_the_hub_would_fail_whole_fails_validation_with_the_hubs_reason(string content, string reason)
    {
        var path = _folder.File("police.csv");
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));

        var run = await Cli.RunAsync("validate", path, "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains(reason, JsonSerializer.Deserialize<Report>(run.Output, Json)!.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_optional_date_is_reported_as_a_dropped_value_and_the_row_is_accepted_as_the_hub_would()
    {
        var path = _folder.File("police.csv");
        await File.WriteAllTextAsync(path, "公民身份号码,姓名,户籍地区划代码,出生日期\r\n11010519491231002X,王秀英,110105003002,一九四九年\r\n", new UTF8Encoding(true));

        var run = await Cli.RunAsync("validate", path, "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        var report = JsonSerializer.Deserialize<Report>(run.Output, Json)!;
        Assert.Equal((1L, 0L), (report.Accepted, report.Rejected));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("出生日期", InvalidValuePolicy.Drop), (warning.Problem.Field, warning.Outcome));
        Assert.DoesNotContain("一九四九", run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task A_value_too_long_to_store_is_rejected_as_the_hub_would()
    {
        var path = _folder.File("police.csv");
        await File.WriteAllTextAsync(path, $"公民身份号码,姓名,户籍地区划代码,户籍地址\r\n11010519491231002X,王秀英,110105003002,{new string('址', 3000)}\r\n", new UTF8Encoding(true));

        var run = await Cli.RunAsync("validate", path, "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        var rejection = Assert.Single(JsonSerializer.Deserialize<Report>(run.Output, Json)!.Rejections);
        Assert.Equal(("户籍地址", "the value is 3,000 characters long; the most a value may be is 2,000"), (rejection.Field, rejection.Reason));
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
    }

    [Theory]
    [InlineData("civil-affairs.csv")]
    [InlineData("disability-federation.xlsx")]
    public async Task A_gz_file_is_validated_as_the_file_inside(string fileName)
    {
        await WriteSamplesAsync("0.1");
        var plain = _folder.File(fileName);
        var source = fileName[..fileName.IndexOf('.', StringComparison.Ordinal)];
        await using (var output = File.Create(plain + ".gz"))
        await using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        await using (var input = File.OpenRead(plain))
        {
            await input.CopyToAsync(gzip);
        }

        var expected = await Cli.RunAsync("validate", plain, "--source", source, "--sources-folder", ShippedFiles.SourcesFolder, "--json");
        var run = await Cli.RunAsync("validate", plain + ".gz", "--source", source, "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        Assert.Equal(expected.ExitCode, run.ExitCode);
        Assert.Equal(expected.Output, run.Output);
        Assert.True(JsonSerializer.Deserialize<Report>(run.Output, Json)!.Received > 0);
    }

    [Fact]
    public async Task A_repeated_person_is_rejected_as_the_hub_would()
    {
        var path = _folder.File("police.csv");
        const string row = "11010519491231002X,王秀英,110105003002\r\n";
        await File.WriteAllTextAsync(path, "公民身份号码,姓名,户籍地区划代码\r\n" + row + row, new UTF8Encoding(true));

        var run = await Cli.RunAsync("validate", path, "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        var rejection = Assert.Single(JsonSerializer.Deserialize<Report>(run.Output, Json)!.Rejections);
        Assert.Equal(3, rejection.Row);
        Assert.Contains("already at row 2", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_birth_after_today_and_an_address_code_of_no_division_are_id_problems_as_the_hub_would_report()
    {
        var path = _folder.File("police.csv");
        await File.WriteAllTextAsync(
            path,
            "公民身份号码,姓名,户籍地区划代码\r\n110105209912310029,王秀英,110105003002\r\n999999194912310025,李四,110105003002\r\n11010519491231002X,张三,110105003002\r\n",
            new UTF8Encoding(true));

        var run = await Cli.RunAsync("validate", path, "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        var report = JsonSerializer.Deserialize<Report>(run.Output, Json)!;
        Assert.Equal(
            [new Rejection(2, "公民身份号码", "ID number has a birth date after the feed's date"), new Rejection(3, "公民身份号码", "ID number's address code is not a division of GB/T 2260")],
            report.IdProblems);
        Assert.Equal((3L, 2L, 0L), (report.Accepted, report.KeptForMatching, report.Rejected));
    }

    [Fact]
    public async Task Validate_never_prints_the_values_of_a_rejected_or_accepted_row()
    {
        await WriteSamplesAsync("0.2");
        var mapping = SourceCatalog.LoadFile(ShippedFiles.Source("police"));
        var population = new PopulationGenerator(new PopulationOptions { Seed = 5, People = 600 }).Generate();
        var feed = FeedWriter.Compose(population, mapping, new FeedWriterOptions { MistakeRate = 0.2 });

        var table = await Cli.RunAsync("validate", _folder.File("police.csv"), "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--show", "1000");
        var json = await Cli.RunAsync("validate", _folder.File("police.csv"), "--source", "police", "--sources-folder", ShippedFiles.SourcesFolder, "--json");

        foreach (var value in feed.Rows.SelectMany(r => new[] { r.Values["公民身份号码"], r.Values["姓名"], r.Person.ResidentId.Value }).OfType<string>())
        {
            Assert.DoesNotContain(value, table.Output + table.Error + json.Output + json.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_source_the_folder_does_not_have_is_a_usage_error()
    {
        await WriteSamplesAsync("0");

        var run = await Cli.RunAsync("validate", _folder.File("police.csv"), "--source", "tax-bureau", "--sources-folder", ShippedFiles.SourcesFolder);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("civil-affairs", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task WriteSamplesAsync(string mistakeRate)
    {
        var run = await Cli.RunAsync("samples", "--output", _folder.Path, "--seed", "5", "--people", "600", "--mistake-rate", mistakeRate);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    /// <summary>What the Hub's own reader and normaliser reject, straight from Hub.Core.</summary>
    private static async Task<(List<Rejection> Rejections, List<Rejection> IdProblems)> NormaliserRejectionsAsync(string path, string source)
    {
        var mapping = SourceCatalog.LoadFile(ShippedFiles.Source(source));
        var normaliser = new RecordNormaliser(mapping, ChinaStandardTime.DateOf(DateTimeOffset.UtcNow));
        Assert.True(FeedContentType.TryParse(FeedFileTypes.Infer(path), out var contentType));
        var rejections = new List<Rejection>();
        var idProblems = new List<Rejection>();
        await using var stream = File.OpenRead(path);
        await foreach (var row in FeedReader.ReadAsync(stream, contentType!, mapping.Encoding))
        {
            if (!normaliser.TryNormalise(row, out var record, out var problems))
            {
                rejections.AddRange(problems);
            }
            else if (record!.IdProblem is { } idProblem)
            {
                idProblems.Add(idProblem);
            }
        }

        return (rejections, idProblems);
    }

    private sealed record Report(string Source, long Received, long Accepted, long Rejected, List<string> IgnoredColumns, List<Rejection> Rejections, string? FailureReason, long KeptForMatching, List<Rejection> IdProblems, List<ValueWarning> Warnings);
}
