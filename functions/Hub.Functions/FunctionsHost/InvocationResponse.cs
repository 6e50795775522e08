namespace Hub.Functions.FunctionsHost;

/// <summary>What a custom handler answers to the Functions host for a non-HTTP trigger.</summary>
/// <param name="Outputs">Output binding values; the Hub's queue functions have none.</param>
/// <param name="Logs">Lines the host adds to the invocation's log.</param>
/// <param name="ReturnValue">The <c>$return</c> binding value; none here.</param>
internal sealed record InvocationResponse(Dictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue);
