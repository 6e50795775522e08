using System.Text.Json.Nodes;
using Hub.Functions.FunctionsHost;
using Microsoft.AspNetCore.Routing;

namespace Hub.Deployment.Tests;

/// <summary>Every function in the package reaches a handler of the Hub, and every handler has its function.</summary>
[Collection(PackageGroup.Name)]
public sealed class FunctionBindingTests(PackageFixture package)
{
    private static readonly IReadOnlyList<EndpointDataSource> Endpoints = HubEndpoints.Load();

    private static IEnumerable<RouteEndpoint> RouteEndpoints => Endpoints.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    [Fact]
    public void The_package_holds_exactly_the_functions_the_code_generates()
    {
        var expected = FunctionMetadataGenerator.Generate(Endpoints, queueNamePrefix: string.Empty);

        Assert.Equal(expected.Select(f => f.Name).Order(StringComparer.Ordinal), package.Functions.Keys.Order(StringComparer.Ordinal));
        foreach (var function in expected)
        {
            Assert.True(JsonNode.DeepEquals(function.FunctionJson, package.Functions[function.Name]), $"{function.Name}/function.json differs from the code.");
        }
    }

    [Fact]
    public void Every_http_function_routes_to_an_endpoint_with_its_methods()
    {
        foreach (var (name, function) in package.Functions.Where(f => TriggerOf(f.Value) is "httpTrigger"))
        {
            var trigger = Trigger(function);
            var path = "/" + FunctionMetadataGenerator.RoutePrefix + "/" + (string?)trigger["route"];
            var triggerMethods = trigger["methods"]!.AsArray().Select(m => ((string?)m)!.ToUpperInvariant()).ToList();

            // Several functions may share a route (list and create, read, change and end), each with its own methods.
            var endpoint = RouteEndpoints.SingleOrDefault(e => "/" + e.RoutePattern.RawText!.Trim('/') == path
                && triggerMethods.All((e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Contains));

            Assert.True(endpoint is not null, $"{name} forwards {string.Join(',', triggerMethods)} {path}, which no endpoint serves.");

            // Proxying passes only "pure" HTTP functions on: one httpTrigger in, one http out.
            Assert.Equal(2, function["bindings"]!.AsArray().Count);
        }
    }

    [Fact]
    public void Every_queue_function_posts_to_its_handler_endpoint_on_the_hub_storage_connection()
    {
        var queueFunctions = package.Functions.Where(f => TriggerOf(f.Value) is "queueTrigger").ToList();

        Assert.Equal(QueueFunctions.All.Count, queueFunctions.Count);
        foreach (var (name, function) in queueFunctions)
        {
            var trigger = Trigger(function);
            var endpoint = RouteEndpoints.SingleOrDefault(e => e.RoutePattern.RawText?.Trim('/') == name);

            Assert.True(endpoint is not null, $"The host posts {name} to /{name}, which no endpoint serves.");
            Assert.Contains("POST", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods);
            var handler = endpoint.Metadata.GetMetadata<QueueFunction>();
            Assert.NotNull(handler);
            Assert.Equal(handler.QueueName, (string?)trigger["queueName"]);
            Assert.Equal(QueueFunction.MessageBinding, (string?)trigger["name"]);
            Assert.Equal(FunctionMetadataGenerator.StorageConnection, (string?)trigger["connection"]);
        }
    }

    [Fact]
    public void Every_timer_function_posts_to_its_handler_endpoint_on_its_schedule()
    {
        var timerFunctions = package.Functions.Where(f => TriggerOf(f.Value) is "timerTrigger").ToList();

        Assert.Equal(TimerFunctions.All.Count, timerFunctions.Count);
        foreach (var (name, function) in timerFunctions)
        {
            var trigger = Trigger(function);
            var endpoint = RouteEndpoints.SingleOrDefault(e => e.RoutePattern.RawText?.Trim('/') == name);

            Assert.True(endpoint is not null, $"The host posts {name} to /{name}, which no endpoint serves.");
            Assert.Contains("POST", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods);
            var handler = endpoint.Metadata.GetMetadata<TimerFunction>();
            Assert.NotNull(handler);
            Assert.Equal(handler.DefaultSchedule, (string?)trigger["schedule"]);
            Assert.NotNull(TimerFunction.TryParse((string?)trigger["schedule"]));
        }
    }

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    private static string? TriggerOf(JsonObject function) => (string?)Trigger(function)["type"];
}
