using Hub.Functions.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// Stamps each answer with whether the endpoint that served it is audited, so a test that sends generated paths
/// knows how many audit events the request must leave whichever route it reached.
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
                var audited = endpoint?.Metadata.GetMetadata<AuditedEndpoint>() is not null;
                context.Response.Headers[Header] = audited ? "1" : "0";
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
