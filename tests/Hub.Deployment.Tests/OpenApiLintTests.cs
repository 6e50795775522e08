using System.Text.Json.Nodes;

namespace Hub.Deployment.Tests;

/// <summary>The served OpenAPI document passes the pinned Redocly linter (eng/openapi) with no problem at all.</summary>
public sealed class OpenApiLintTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hub-openapi-lint-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_served_document_lints_without_an_error_or_a_warning()
    {
        var document = await HubDocument.WriteAsync(_folder.FullName);

        var result = await Script.RunAsync("eng/openapi-lint.sh", document);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Your API description is valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_alone_fails_the_lint()
    {
        var document = JsonNode.Parse(await HubDocument.FetchAsync())!;
        document["tags"]![0]!.AsObject().Remove("description");
        var path = Path.Combine(_folder.FullName, "undescribed-tag.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());

        var result = await Script.RunAsync("eng/openapi-lint.sh", path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("tag-description", result.Output, StringComparison.Ordinal);
    }
}
