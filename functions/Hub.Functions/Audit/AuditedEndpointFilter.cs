using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Audit;

/// <summary>
/// Audit before answer (DESIGN.md, core idea 6): runs the handler, then writes the request's one audit event, and
/// only then lets the answer go. When the event cannot be written the client gets 503 and none of the data. What
/// never reaches a handler (refusals, unreadable requests) and what a handler throws is recorded by
/// <see cref="AuditedRequestMiddleware"/>.
/// </summary>
internal sealed class AuditedEndpointFilter(AuditRecorder recorder) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var action = http.GetEndpoint()?.Metadata.GetMetadata<AuditedEndpoint>()?.Action
            ?? throw new InvalidOperationException("The audit filter is on an endpoint without AuditedEndpoint metadata.");
        var scope = http.RequestServices.GetRequiredService<AuditScope>();

        var result = await next(context);
        if (await recorder.TryRecordAsync(http, action, scope, StatusOf(result, http), http.RequestAborted))
        {
            return result;
        }

        if (Unwrap(result) is FileStreamHttpResult file)
        {
            await file.FileStream.DisposeAsync();
        }

        return AuditRecorder.Unavailable(http);
    }

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result;
    }

    // A result that states no status is a 200; an empty result carries the response's.
    private static int StatusOf(object? result, HttpContext http) => Unwrap(result) switch
    {
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        EmptyHttpResult or null => http.Response.StatusCode,
        _ => StatusCodes.Status200OK,
    };
}
