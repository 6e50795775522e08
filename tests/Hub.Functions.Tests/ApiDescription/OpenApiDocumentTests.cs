using System.Text.Json.Nodes;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.ApiDescription;

[Collection(AzuriteFixture.Collection)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_served_document_describes_every_api_endpoint_with_its_errors()
    {
        var document = JsonNode.Parse(await _hub.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();
        var apiEndpoints = _hub.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && !e.RoutePattern.RawText.Contains("openapi", StringComparison.Ordinal))
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .ToList();

        Assert.NotEmpty(apiEndpoints);
        Assert.All(apiEndpoints, name => Assert.Contains(operations, op => (string?)op.Operation["operationId"] == name));
        var push = operations.Single(op => (string?)op.Operation["operationId"] == "PushFeed").Operation;
        Assert.Equal(["202", "400", "401", "403", "404", "408", "413", "415", "503"], push["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(push["requestBody"]!["content"]!["text/csv"]!["example"]);
        Assert.NotNull(push["responses"]!["202"]!["content"]!["application/json"]!["example"]);
        Assert.NotNull(push["security"]);
        Assert.Empty(operations.Single(op => (string?)op.Operation["operationId"] == "GetHealth").Operation["security"]!.AsArray());
    }

    [Fact]
    public async Task Every_problem_of_every_operation_refers_to_the_one_problem_schema_and_declared_or_derived_alike()
    {
        var document = JsonNode.Parse(await _hub.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)))!;
        var problems = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .SelectMany(op => op.Value!["responses"]!.AsObject().Select(r => (Operation: (string?)op.Value["operationId"], Status: r.Key, Response: r.Value!)))
            .Where(r => r.Response["content"]?["application/problem+json"] is not null)
            .ToList();
        var sources = problems.Where(p => p.Operation == "ListSources").Select(p => p.Status);

        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]);
        Assert.All(problems, p => Assert.True(
            (string?)p.Response["content"]!["application/problem+json"]!["schema"]!["$ref"] == "#/components/schemas/ProblemDetails",
            $"{p.Operation} {p.Status} does not refer to the problem schema"));
        Assert.Equal(["401", "403"], sources);
    }
}
