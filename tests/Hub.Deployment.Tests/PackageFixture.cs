using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Hub.Deployment.Tests;

/// <summary>
/// Builds the deployable package once per test run with <c>eng/package.sh</c> (one self-contained publish is slow)
/// and unpacks it, so every test inspects exactly what would be deployed.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly string workspace = Directory.CreateTempSubdirectory("hub-package-").FullName;

    public string ZipPath => Path.Combine(workspace, "hub-functions.zip");

    /// <summary>The unpacked package: the Functions app root.</summary>
    public string AppRoot => Path.Combine(workspace, "app");

    /// <summary>Function name → its function.json, from every top-level folder holding one.</summary>
    public IReadOnlyDictionary<string, JsonObject> Functions { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync()
    {
        var result = await Script.RunAsync("eng/package.sh", "--output", ZipPath);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/package.sh failed ({result.ExitCode}):\n{result.Output}");
        }

        ZipFile.ExtractToDirectory(ZipPath, AppRoot);
        Functions = Directory.GetDirectories(AppRoot)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .ToDictionary(
                d => Path.GetFileName(d),
                d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!.AsObject(),
                StringComparer.Ordinal);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(workspace, recursive: true);
        return Task.CompletedTask;
    }
}
