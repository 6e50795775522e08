using Hub.Functions.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// Stamps each answer with whether the endpoint that served it is audited ("1" or "0"), so a test that sends
/// generated paths knows how many audit events the request must leave whichever route it reached; "-" when no route
/// served it (routing's own 404, 405 or 415).
/// </summary>
internal sealed class EndpointStamp : IStartupFilter
{
    public const string Header = "X-Test-Audited";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(() =>
            {
                // The exception handler clears the endpoint before it answers; its feature keeps the one that threw.
                var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                context.Response.Headers[Header] = endpoint is not RouteEndpoint ? "-" : endpoint.Metadata.GetMetadata<AuditedEndpoint>() is not null ? "1" : "0";
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
