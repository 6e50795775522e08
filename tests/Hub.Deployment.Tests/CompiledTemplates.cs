using System.Text.Json.Nodes;

namespace Hub.Deployment.Tests;

/// <summary>
/// Runs <c>eng/bicep.sh</c> once (build and lint of every template, as CI does) and keeps the ARM JSON it compiled,
/// so the tests read what Azure Resource Manager would be given rather than the Bicep source.
/// </summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("hub-arm-").FullName;

    /// <summary>The exit code of <c>eng/bicep.sh --quiet</c>.</summary>
    public int LintExitCode { get; private set; } = -1;

    /// <summary>What <c>eng/bicep.sh --quiet</c> printed: nothing when every template is clean.</summary>
    public string LintOutput { get; private set; } = string.Empty;

    /// <summary>The compiled <c>infra/main.bicep</c>, modules inlined as nested deployments.</summary>
    public JsonObject Main { get; private set; } = [];

    /// <summary>The compiled main template as text, for what must appear nowhere in it.</summary>
    public string MainText { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        (LintExitCode, LintOutput) = await Script.RunAsync("eng/bicep.sh", "--quiet", "--outdir", folder);
        var main = Path.Combine(folder, "main.json");
        if (File.Exists(main))
        {
            MainText = await File.ReadAllTextAsync(main);
            Main = JsonNode.Parse(MainText)!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The nested deployment of one module of main.bicep.</summary>
    public JsonObject Module(string name) =>
        Main["resources"]!.AsArray().Single(r => (string?)r!["name"] == name)!.AsObject();

    /// <summary>The template of one module.</summary>
    public JsonObject ModuleTemplate(string name) => Module(name)["properties"]!["template"]!.AsObject();

    /// <summary>The expression main.bicep passes to one parameter of one module.</summary>
    public string ModuleArgument(string module, string parameter) =>
        (string)Module(module)["properties"]!["parameters"]![parameter]!["value"]!;

    /// <summary>The resources of one module with the given type.</summary>
    public IReadOnlyList<JsonObject> Resources(string module, string type) =>
        [.. ModuleTemplate(module)["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type)];

    /// <summary>The app settings both plans get, by name: the expression each one's value is.</summary>
    public IReadOnlyDictionary<string, string> CommonAppSettings => Settings("commonSettings");

    /// <summary>The app settings only Elastic Premium gets.</summary>
    public IReadOnlyDictionary<string, string> PremiumAppSettings => Settings("premiumSettings");

    private Dictionary<string, string> Settings(string variable) =>
        ModuleTemplate("functionApp")["variables"]![variable]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!, StringComparer.Ordinal);
}
