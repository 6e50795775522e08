using System.Text.Json.Nodes;

namespace Hub.Functions.FunctionsHost;

/// <summary>One function as the Functions host sees it: a folder named <paramref name="Name"/> holding <c>function.json</c>.</summary>
/// <param name="Name">The function (and folder) name.</param>
/// <param name="FunctionJson">The <c>function.json</c> document.</param>
internal sealed record FunctionDefinition(string Name, JsonObject FunctionJson);
