using System.Text.Json;
using Hub.Core.Storage;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// <c>Hub.Functions functions-metadata --output DIR</c>: writes <c>DIR/&lt;Function&gt;/function.json</c> for every
/// function, from the same endpoint table the handler serves.
/// </summary>
internal static class FunctionMetadataCommand
{
    private const string Verb = "functions-metadata";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static int Run(WebApplication app, string[] args)
    {
        var output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault();
        if (output is null)
        {
            Console.Error.WriteLine($"usage: Hub.Functions {Verb} --output <folder>");
            return 2;
        }

        // Read the prefix straight from configuration: building the metadata needs no storage connection.
        var prefix = app.Configuration[$"{HubStorageOptions.SectionName}:{nameof(HubStorageOptions.NamePrefix)}"] ?? string.Empty;
        var functions = Write(((IEndpointRouteBuilder)app).DataSources, prefix, output, app.Configuration);
        Console.WriteLine($"Wrote {functions.Count} functions to {Path.GetFullPath(output)}");
        return 0;
    }

    public static IReadOnlyList<FunctionDefinition> Write(IEnumerable<EndpointDataSource> sources, string queueNamePrefix, string output, IConfiguration? configuration = null)
    {
        var functions = FunctionMetadataGenerator.Generate(sources, queueNamePrefix, configuration);
        foreach (var function in functions)
        {
            var folder = Path.Combine(output, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), function.FunctionJson.ToJsonString(Indented) + Environment.NewLine);
        }

        return functions;
    }
}
