using System.Text.Json.Serialization;

namespace Hub.Functions.FunctionsHost;

/// <summary>What a custom handler answers to the Functions host for a non-HTTP trigger.</summary>
/// <remarks>The names are the host's, in PascalCase, not the camelCase the Hub's own API uses.</remarks>
/// <param name="Outputs">Output binding values; the Hub's queue functions have none.</param>
/// <param name="Logs">Lines the host adds to the invocation's log.</param>
/// <param name="ReturnValue">The <c>$return</c> binding value; none here.</param>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
