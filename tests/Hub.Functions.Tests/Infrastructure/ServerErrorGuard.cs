using System.Collections.Concurrent;
using Hub.Functions.FunctionsHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// Notes every 500 the Hub answers, outermost in its pipeline, so that a test run with a 500 anywhere fails: the
/// factory that saw one throws when it is disposed. The Functions host's invocation routes are exempt: for them 500
/// is the protocol's "this invocation failed, retry it", not a fault.
/// </summary>
internal sealed class ServerErrorGuard : IStartupFilter
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>The requests answered 500, as "METHOD path".</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            var metadata = context.GetEndpoint()?.Metadata;
            if (context.Response.StatusCode == StatusCodes.Status500InternalServerError
                && metadata?.GetMetadata<QueueFunction>() is null
                && metadata?.GetMetadata<TimerFunction>() is null)
            {
                _errors.Enqueue($"{context.Request.Method} {context.Request.Path}");
            }
        });
        next(app);
    };
}
