using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// A route declares the problems its own handlers answer, in one call. What the pipeline answers is declared nowhere
/// else: <see cref="ResponseContractTransformer"/> derives it from the endpoint's metadata (401 and 403 behind a token,
/// 429 behind the rate limiter, 503 where audited, 400 where a body or a typed value is read, and a body's 408, 413
/// and 415), so no route can forget it and none repeats it.
/// </summary>
internal static class ProblemResponseExtensions
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemContentTypes));
        }

        return builder;
    }
}
