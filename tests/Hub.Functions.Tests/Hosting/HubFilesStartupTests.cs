using System.Net.Http.Json;
using System.Text.Json;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Functions.Tests.Hosting;

/// <summary>Files that depend on each other: what the Hub starts with, and what stops it, in one line.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HubFilesStartupTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _sources = CopyOfShippedSources();

    [Fact]
    public async Task A_rule_naming_an_attribute_no_mapping_provides_lets_the_hub_start_and_is_listed_in_the_sources()
    {
        var housing = Path.Combine(_sources.FullName, "housing-security.json");
        File.WriteAllLines(housing, File.ReadAllLines(housing).Where(l => !l.Contains("householdSize", StringComparison.Ordinal)));
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Sources:Path"] = _sources.FullName });

        using var answer = await hub.CreatePublisherClient("housing-security").GetFromJsonAsync<JsonDocument>(new Uri("/api/sources", UriKind.Relative));

        var warnings = answer!.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        var warning = Assert.Single(warnings, w => w.GetProperty("key").GetString() == "groups[7] 'public-housing'.details");
        Assert.Equal(Path.Combine("rules", "profiles.json"), warning.GetProperty("file").GetString());
        Assert.Contains("householdSize", warning.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Contains(answer.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString() == "housing-security");
    }

    [Fact]
    public void A_mapping_that_contradicts_itself_stops_the_start_with_one_line_naming_the_file_the_key_and_the_fix()
    {
        var police = Path.Combine(_sources.FullName, "police.json");
        File.WriteAllText(police, File.ReadAllText(police).Replace("\"attribute\": \"sex\"", "\"attribute\": \"name\"", StringComparison.Ordinal));

        var error = StartupError(() => new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Sources:Path"] = _sources.FullName }) { DeleteStorageOnDispose = false });

        Assert.Equal($"error: {police}: fields: attribute 'name' is mapped twice; fix: keep one field per attribute and per column; list a column's other headers in that field's aliases", error.Message);
    }

    [Fact]
    public async Task The_hub_process_stops_on_a_broken_mapping_with_exit_code_1_and_no_stack_trace()
    {
        var police = Path.Combine(_sources.FullName, "police.json");
        File.WriteAllText(police, File.ReadAllText(police).Replace("\"attribute\": \"sex\"", "\"attribute\": \"name\"", StringComparison.Ordinal));

        var (exitCode, output) = await HubProcess.RunToExitAsync(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), new Dictionary<string, string> { ["Hub:Sources:Path"] = _sources.FullName });

        Assert.Equal(1, exitCode);
        Assert.Contains(output, l => l.Contains($"error: {police}: fields: attribute 'name' is mapped twice", StringComparison.Ordinal));
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    public void Dispose() => _sources.Delete(recursive: true);

    private static DirectoryInfo CopyOfShippedSources()
    {
        var folder = Directory.CreateTempSubdirectory("hub-sources-");
        foreach (var shipped in Directory.EnumerateFiles(ShippedFiles.SourcesFolder, "*.json"))
        {
            File.Copy(shipped, Path.Combine(folder.FullName, Path.GetFileName(shipped)));
        }

        return folder;
    }

    /// <summary>As <see cref="StartupValidationTests"/>: a start-up failure races the test host's disposal now and then.</summary>
    private static InvalidDataException StartupError(Func<WebApplicationFactory<Program>> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            try
            {
                factory.CreateClient().Dispose();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                continue;
            }
            catch (InvalidDataException error)
            {
                return error;
            }

            throw new Xunit.Sdk.XunitException("The Hub started; expected it to stop with InvalidDataException.");
        }
    }
}
