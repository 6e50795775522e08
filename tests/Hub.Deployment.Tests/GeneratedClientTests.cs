using Hub.Core.Access;
using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

/// <summary>
/// A C# client generated from the served document with the pinned Kiota (.config/dotnet-tools.json) builds, and works
/// against a real Hub process: it pushes a feed and reads the person back, with the person key and the division code
/// as strings. The generated project lives in a temporary folder; GeneratedClient/ClientCheck.cs is its program.
/// </summary>
public sealed class GeneratedClientTests : IDisposable
{
    // The Kiota runtime packages the generated code is built against: the version 1.38's generator targets.
    private const string KiotaPackages = "2.1.6";

    private const string ResidentId = "11010519491231002X";

    private static readonly string[] KiotaRuntime = ["Abstractions", "Http.HttpClientLibrary", "Serialization.Json", "Serialization.Text", "Serialization.Form", "Serialization.Multipart"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hub-generated-client-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_generated_client_pushes_a_feed_and_reads_the_person_with_key_and_division_as_strings()
    {
        var storage = Environment.GetEnvironmentVariable("HUB_TEST_STORAGE") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("Run the tests with eng/test.sh, which starts Azurite, or set HUB_TEST_STORAGE to a storage connection string.");
        var document = await HubDocument.WriteAsync(_folder.FullName);
        var project = Path.Combine(_folder.FullName, "ClientCheck");

        var restore = await Command.RunAsync("dotnet", ["tool", "restore"], RepositoryRoot.Path);
        Assert.True(restore.ExitCode == 0, restore.Output);
        var generate = await Command.RunAsync(
            "dotnet",
            ["kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", Path.Combine(project, "Generated"),
                "--class-name", "HubClient", "--namespace-name", "Hub.Generated", "--exclude-backward-compatible", "--clean-output"],
            RepositoryRoot.Path,
            OfflineKiota);
        Assert.True(generate.ExitCode == 0, generate.Output);
        await WriteProjectAsync(project);
        var build = await Command.RunAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "quiet", "-o", Path.Combine(project, "out")], project);
        Assert.True(build.ExitCode == 0, build.Output);

        await using var hub = await HubProcess.StartAsync(storage, $"client{Guid.NewGuid():N}"[..16], new Dictionary<string, string>
        {
            ["Hub:Triggers:MaxPollingInterval"] = "00:00:00.250",
        });
        var run = await Command.RunAsync(
            "dotnet",
            [Path.Combine(project, "out", "ClientCheck.dll"), hub.Address.ToString().TrimEnd('/')],
            project,
            new Dictionary<string, string>
            {
                ["HUB_CHECK_RESIDENT_ID"] = ResidentId,
                ["HUB_CHECK_PUBLISHER_TOKEN"] = DevelopmentTokens.Mint("client-check-publisher", [HubRoles.FeedPublisher("civil-affairs")]),
                ["HUB_CHECK_READER_TOKEN"] = DevelopmentTokens.MintPersonal("client-check-worker", [HubRoles.CommunityWorker], "110105003002"),
            });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("accepted=Accepted", run.Output, StringComparison.Ordinal);
        Assert.Contains("batch=Completed inserted=1", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^personKey=[0-9a-f]{32}\r?$", run.Output);
        Assert.Matches(@"(?m)^division=110105003002\r?$", run.Output);
    }

    // Kiota asks GitHub for a newer release on every run, and its setting to stop that is not read from the
    // environment. The test needs no network, so any request it makes goes to a closed local port and fails at once.
    private static readonly Dictionary<string, string> OfflineKiota = new()
    {
        ["HTTPS_PROXY"] = "http://127.0.0.1:9",
        ["HTTP_PROXY"] = "http://127.0.0.1:9",
        ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true",
    };

    private static async Task WriteProjectAsync(string project)
    {
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "GeneratedClient", "ClientCheck.cs"), Path.Combine(project, "ClientCheck.cs"));
        var packages = string.Concat(KiotaRuntime.Select(p => $"""    <PackageReference Include="Microsoft.Kiota.{p}" Version="{KiotaPackages}" />{"\n"}"""));
        await File.WriteAllTextAsync(Path.Combine(project, "ClientCheck.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {packages}  </ItemGroup>
            </Project>
            """);
    }
}
