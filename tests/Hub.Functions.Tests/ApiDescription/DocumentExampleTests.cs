using System.Text.Json.Nodes;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.ApiDescription;

[Collection(AzuriteFixture.Collection)]
public sealed class DocumentExampleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Every_example_in_the_document_validates_against_its_schema()
    {
        using var client = _hub.CreateClient();
        var text = await client.GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));
        var contract = OpenApiContract.Of(text);

        var examples = Examples(JsonNode.Parse(text)!.AsObject()).ToList();
        var failures = examples
            .Select(e => (e.Where, Error: contract.CheckExample(e.Where, e.Schema, e.Example)))
            .Where(e => e.Error is not null)
            .Select(e => $"{e.Where}: {e.Error}")
            .ToList();

        Assert.True(examples.Count >= 10, $"Only {examples.Count} examples found; the document lost its worked examples.");
        Assert.Empty(failures);
    }

    // Every example beside a schema: request bodies, responses and parameters, each named by where it is.
    private static IEnumerable<(string Where, JsonNode Schema, JsonNode? Example)> Examples(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                foreach (var (mediaType, media) in operation!["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    foreach (var example in ExamplesOf(media!))
                    {
                        yield return ($"{name} request {mediaType}", media!["schema"]!, example);
                    }
                }

                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    foreach (var (mediaType, media) in response!["content"]?.AsObject() ?? [])
                    {
                        foreach (var example in ExamplesOf(media!))
                        {
                            yield return ($"{name} {status} {mediaType}", media!["schema"]!, example);
                        }
                    }
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    foreach (var example in ExamplesOf(parameter!))
                    {
                        yield return ($"{name} parameter {parameter!["name"]}", parameter["schema"]!, example);
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> ExamplesOf(JsonNode holder)
    {
        if (holder.AsObject().TryGetPropertyValue("example", out var example))
        {
            yield return example;
        }

        foreach (var (_, named) in holder["examples"]?.AsObject() ?? [])
        {
            yield return named!["value"];
        }
    }
}
