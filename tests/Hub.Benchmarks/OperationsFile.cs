using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Benchmarks;

/// <summary>
/// The measured counts a capacity model reads (<c>hub capacity --measured FILE</c>): each benchmark writes its own
/// section (<c>ingest</c>, <c>reads</c>) of one small JSON file and keeps the others, so one run of each fills it.
/// </summary>
internal static class OperationsFile
{
    /// <summary>Where the benchmarks write it unless <c>--operations FILE</c> says otherwise.</summary>
    public const string DefaultPath = "artifacts/bench/operations.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file <c>--operations</c> names, else the default.</summary>
    public static string PathOf(IReadOnlyList<string> args) =>
        args.SkipWhile(a => a != "--operations").Skip(1).FirstOrDefault() ?? DefaultPath;

    /// <summary>Writes <paramref name="section"/> under <paramref name="name"/>, with when and how it was measured.</summary>
    public static async Task WriteAsync(string path, string name, JsonObject section, string command)
    {
        ArgumentNullException.ThrowIfNull(section);
        var root = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path)) as JsonObject ?? [] : [];
        root["version"] = 1;
        section["measuredAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        section["command"] = command;
        section["processors"] = Environment.ProcessorCount;
        root[name] = section;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, root.ToJsonString(Json) + "\n");
        Console.Error.WriteLine($"Measured operations written to {Path.GetFullPath(path)} ({name}).");
    }

    /// <summary>A number rounded for the file: four significant decimals are more than a model needs.</summary>
    public static double Round(double value) => Math.Round(value, 4);
}
