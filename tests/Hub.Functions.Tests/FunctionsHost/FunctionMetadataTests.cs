using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Functions.FunctionsHost;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.FunctionsHost;

[Collection(AzuriteFixture.Collection)]
public sealed partial class FunctionMetadataTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public void Every_route_the_app_serves_has_a_function_and_every_function_a_handler()
    {
        var sources = _hub.Services.GetServices<EndpointDataSource>().ToList();
        var endpoints = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        var output = Directory.CreateTempSubdirectory("hub-functions-");

        var written = FunctionMetadataCommand.Write(sources, "", output.FullName);

        var folders = output.GetDirectories().Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written.Select(f => f.Name).Order(StringComparer.Ordinal), folders);
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<QueueFunction>() is null && e.Metadata.GetMetadata<TimerFunction>() is null))
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var binding = TriggerBinding(output, name);
            Assert.Equal("httpTrigger", (string?)binding["type"]);
            Assert.Equal(FunctionMetadataGenerator.HostRoute(endpoint.RoutePattern), (string?)binding["route"]);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant());
            Assert.Equal(methods, binding["methods"]!.AsArray().Select(m => (string?)m));
        }

        foreach (var function in written)
        {
            Assert.Matches(FunctionName(), function.Name);
            var binding = TriggerBinding(output, function.Name);
            if ((string?)binding["type"] is "queueTrigger" or "timerTrigger")
            {
                var handler = Assert.Single(endpoints, e => e.RoutePattern.RawText == "/" + function.Name);
                Assert.Equal(["POST"], handler.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods);
                Assert.True(
                    QueueFunctions.All.Any(q => q.Name == function.Name && q.QueueName == (string?)binding["queueName"])
                    || TimerFunctions.All.Any(t => t.Name == function.Name && (string?)binding["schedule"] == t.DefaultSchedule),
                    $"{function.Name} is bound as its queue or timer function says.");
            }
            else
            {
                Assert.Contains(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == function.Name);
            }
        }

        Assert.Contains("PushFeed", folders);
        Assert.Contains("ProcessFeedBatch", folders);
        Assert.Contains("FeedBatchPoisoned", folders);
        Assert.Contains("WriteAuditCheckpoints", folders);
    }

    [Fact]
    public void Host_json_configures_the_custom_handler_proxying_and_queue_semantics()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")))!;

        Assert.Equal("2.0", (string?)hostJson["version"]);
        var handler = hostJson["customHandler"]!;
        Assert.Equal("Hub.Functions", (string?)handler["description"]!["defaultExecutablePath"]);
        Assert.Contains(handler["description"]!["arguments"]!.AsArray(), a => ((string?)a)!.Contains("%FUNCTIONS_CUSTOMHANDLER_PORT%", StringComparison.Ordinal));
        // Proxying streams request and response bodies; forwarding would copy a body only with Content-Length (a
        // chunked upload would arrive empty) and buffer whole responses (CSV exports).
        Assert.True((bool?)handler["enableProxyingHttpRequest"]);
        Assert.Null(handler["enableForwardingHttpRequest"]);
        Assert.Equal(FunctionMetadataGenerator.RoutePrefix, (string?)hostJson["extensions"]!["http"]!["routePrefix"]);
        Assert.Equal(5, (int?)hostJson["extensions"]!["queues"]!["maxDequeueCount"]);
        Assert.Equal("base64", (string?)hostJson["extensions"]!["queues"]!["messageEncoding"]);
        Assert.Equal("[4.*, 5.0.0)", (string?)hostJson["extensionBundle"]!["version"]);
    }

    private static JsonNode TriggerBinding(DirectoryInfo output, string function)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output.FullName, function, "function.json")))!;
        return json["bindings"]!.AsArray().Single(b => ((string?)b!["direction"]) == "in")!;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}
