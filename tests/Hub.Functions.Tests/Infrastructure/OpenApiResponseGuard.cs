using System.Collections.Concurrent;
using Hub.Functions.FunctionsHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// Keeps every answer the Hub gives in a test, outermost in its pipeline, so that the factory can check each against
/// the OpenAPI document when it is disposed (<see cref="OpenApiContract"/>): the status is documented for the
/// operation, the content type too, and a JSON body validates against its schema. Only what is not an API answer is
/// exempt, each below with its reason.
/// </summary>
internal sealed class OpenApiResponseGuard : IStartupFilter
{
    /// <summary>The longest body kept for checking; the tests' answers are far smaller.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly ConcurrentQueue<ObservedResponse> _responses = new();

    /// <summary>The answers seen so far.</summary>
    public IReadOnlyCollection<ObservedResponse> Responses => _responses;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            await using var capture = new BodyCapture(original.Stream, MaxBodyBytes);
            var wrapped = new StreamResponseBodyFeature(capture, original);
            context.Features.Set<IHttpResponseBodyFeature>(wrapped);
            try
            {
                await nextMiddleware(context);
                await wrapped.CompleteAsync();
            }
            finally
            {
                context.Features.Set(original);
            }

            if (Operation(context) is { } operation)
            {
                _responses.Enqueue(new ObservedResponse(
                    context.Request.Method,
                    operation,
                    context.Response.StatusCode,
                    context.Response.ContentType,
                    context.Response.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
                    capture.Captured));
            }
        });
        next(app);
    };

    // The operation whose answer this is; null for what is not an API answer.
    private static string? Operation(HttpContext context)
    {
        var endpoint = context.GetEndpoint();

        // Nothing routed the request (an unknown path), or routing answered it itself (405 for a method the path does
        // not take, with an endpoint of routing's own): no operation says what it answers.
        if (endpoint is not RouteEndpoint)
        {
            return null;
        }

        var metadata = endpoint.Metadata;

        // The Functions host's invocation routes speak the custom-handler protocol to the host, not the API to clients.
        if (metadata.GetMetadata<QueueFunction>() is not null || metadata.GetMetadata<TimerFunction>() is not null)
        {
            return null;
        }

        var name = metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

        // The document itself, which does not describe itself, and the console's static files (HTML, JavaScript, CSS),
        // which a browser loads and no API client reads.
        return name is "GetOpenApiDocument" or "GetConsoleFile" ? null : name ?? endpoint.DisplayName ?? "(unnamed endpoint)";
    }
}
