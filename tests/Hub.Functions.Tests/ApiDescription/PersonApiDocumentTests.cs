using System.Text.Json.Nodes;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.ApiDescription;

[Collection(AzuriteFixture.Collection)]
public sealed class PersonApiDocumentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Theory]
    [InlineData("/api/residents", "get", false)]
    [InlineData("/api/persons/{personKey}", "get", false)]
    [InlineData("/api/persons/lookup", "post", true)]
    [InlineData("/api/verifications", "post", true)]
    [InlineData("/api/persons/{personKey}/break-glass", "post", true)]
    public async Task The_person_endpoints_are_documented_with_examples_and_their_refusals(string path, string method, bool hasBody)
    {
        var document = JsonNode.Parse(await _hub.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)))!;

        var operation = document["paths"]![path]![method]!;
        Assert.NotNull(operation["responses"]!["200"]!["content"]!["application/json"]!["example"]);
        foreach (var status in new[] { "401", "403", "404", "429", "503" })
        {
            Assert.NotNull(operation["responses"]![status]);
        }

        Assert.NotNull(operation["security"]);
        if (hasBody)
        {
            Assert.NotNull(operation["requestBody"]!["content"]!["application/json"]!["example"]);
        }
    }
}
