namespace Hub.Functions.Tests.Infrastructure;

/// <summary>One answer of the Hub as the response guard saw it: enough to check it against the OpenAPI document.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Operation">The endpoint's name, which is its operation id in the document.</param>
/// <param name="Status">The status answered.</param>
/// <param name="ContentType">The Content-Type header, when there was one.</param>
/// <param name="Headers">The names of the headers answered.</param>
/// <param name="Body">The body, up to <see cref="OpenApiResponseGuard.MaxBodyBytes"/>; null when longer.</param>
internal sealed record ObservedResponse(string Method, string Operation, int Status, string? ContentType, IReadOnlySet<string> Headers, byte[]? Body);
