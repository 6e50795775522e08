using System.Text.Json;
using Hub.Core.Feeds.Sources;
using Hub.Tests.Shared;

namespace Hub.Cli.Tests;

/// <summary>One run of <c>hub sources draft --json</c>: what it printed, its report and the draft file it wrote.</summary>
internal sealed record DraftRun(CliRun Run, JsonElement Report, string Text, SourceMapping Mapping)
{
    public static async Task<DraftRun> RunAsync(string file, string output, params string[] options)
    {
        var cli = await Hub.Cli.Tests.Cli.RunAsync(["sources", "draft", file, "--output", output, "--sources-folder", ShippedFiles.SourcesFolder, "--json", .. options]);
        Assert.True(cli.ExitCode == ExitCodes.Success, $"exit {cli.ExitCode}: {cli.Error}");
        var text = await File.ReadAllTextAsync(output);
        return new DraftRun(cli, JsonDocument.Parse(cli.Output).RootElement.Clone(), text, SourceCatalog.LoadFile(output));
    }

    /// <summary>The mapped fields of the draft by attribute.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Fields => Mapping.Fields.ToDictionary(f => f.Attribute);

    /// <summary>What the draft did with a column, from the report: outcome, attributes and reason.</summary>
    public (string Outcome, string[] Attributes, string Reason) Column(string column)
    {
        var found = Report.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == column);
        return (found.GetProperty("outcome").GetString()!, [.. found.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!)], found.GetProperty("reason").GetString()!);
    }
}
