using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Derives every function's <c>function.json</c> from the running code: one HTTP function per named endpoint under
/// the <c>/api</c> route prefix, one queue function per entry of <see cref="QueueFunctions"/>, one timer function per
/// entry of <see cref="TimerFunctions"/> with the schedule configuration gives it.
/// </summary>
internal static class FunctionMetadataGenerator
{
    /// <summary>The host's <c>extensions.http.routePrefix</c>; forwarding keeps it in the path the handler sees.</summary>
    public const string RoutePrefix = "api";

    /// <summary>The app setting (prefix) the queue bindings read their storage connection from.</summary>
    public const string StorageConnection = "HubStorage";

    public static IReadOnlyList<FunctionDefinition> Generate(IEnumerable<EndpointDataSource> sources, string queueNamePrefix, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().Build();
        var functions = new List<FunctionDefinition>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<QueueFunction>() is not null || endpoint.Metadata.GetMetadata<TimerFunction>() is not null)
            {
                continue;
            }

            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                ?? throw new InvalidOperationException($"The endpoint '{endpoint.RoutePattern.RawText}' has no name; give it one with WithName so it becomes a function.");
            functions.Add(new FunctionDefinition(name, HttpFunction(endpoint)));
        }

        functions.AddRange(QueueFunctions.All.Select(f => new FunctionDefinition(f.Name, QueueTriggerFunction(f, queueNamePrefix))));
        functions.AddRange(TimerFunctions.All.Select(f => new FunctionDefinition(f.Name, TimerTriggerFunction(f, f.ScheduleFrom(configuration)))));
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? functions : throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'.");
    }

    /// <summary>The host route template of an endpoint: its pattern without the leading <c>/api/</c>.</summary>
    public static string HostRoute(RoutePattern pattern)
    {
        var raw = (pattern.RawText ?? string.Empty).Trim('/');
        return raw.StartsWith(RoutePrefix + "/", StringComparison.Ordinal)
            ? raw[(RoutePrefix.Length + 1)..]
            : throw new InvalidOperationException($"The endpoint '{pattern.RawText}' is outside /{RoutePrefix}/; the Functions host forwards only that prefix.");
    }

    private static JsonObject HttpFunction(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        return new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",

                    // The Hub validates bearer tokens itself; function keys would only add a second secret to manage.
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray(methods.Select(m => (JsonNode)m.ToLowerInvariant()).ToArray()),
                    ["route"] = HostRoute(endpoint.RoutePattern),
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
        };
    }

    private static JsonObject QueueTriggerFunction(QueueFunction function, string queueNamePrefix) => new()
    {
        ["bindings"] = new JsonArray(new JsonObject
        {
            ["type"] = "queueTrigger",
            ["direction"] = "in",
            ["name"] = QueueFunction.MessageBinding,
            ["queueName"] = queueNamePrefix + function.QueueName,
            ["connection"] = StorageConnection,
        }),
    };

    private static JsonObject TimerTriggerFunction(TimerFunction function, string schedule) => new()
    {
        ["bindings"] = new JsonArray(new JsonObject
        {
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["name"] = TimerFunction.TimerBinding,

            // Written out rather than a %setting% expression: the setting's name holds colons, which app settings
            // spell as double underscores, and the schedule is checked at generation time as at start-up.
            ["schedule"] = TimerFunction.TryParse(schedule) is not null
                ? schedule
                : throw new InvalidOperationException($"The schedule of {function.Name} ({function.ScheduleSetting}) is not an NCRONTAB expression with seconds, e.g. 0 */15 * * * *."),
            ["runOnStartup"] = false,
            ["useMonitor"] = true,
        }),
    };
}
