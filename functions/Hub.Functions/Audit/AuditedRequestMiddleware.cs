using System.Runtime.ExceptionServices;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Hub.Functions.Hosting;

namespace Hub.Functions.Audit;

/// <summary>
/// Exactly one audit event for every request to an audited endpoint, whatever ends it. The endpoint filter records
/// what a handler answers, before the answer leaves; this middleware, around authentication, authorization, the rate
/// limiter and the endpoint, records everything else before its problem is written: a refusal (401, 403, 429), a
/// request the framework could not read (400, 413, 415, or the route's own answer to a malformed route value, which
/// it writes itself: see <see cref="MalformedRouteValues"/>), a fault (500) and a client that went away. When that
/// event cannot be written the answer is 503, as for a handler's.
/// </summary>
internal sealed class AuditedRequestMiddleware(RequestDelegate next, AuditRecorder recorder)
{
    /// <summary>The status recorded for a request whose client went away before the answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AuditedEndpoint>() is not { } audited)
        {
            await next(context);
            return;
        }

        var scope = context.RequestServices.GetRequiredService<AuditScope>();
        ExceptionDispatchInfo? fault = null;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!scope.IsRecorded)
        {
            fault = ExceptionDispatchInfo.Capture(ex);
        }

        if (!scope.IsRecorded)
        {
            if (context.GetRouteValue("personKey") is string text && PersonKey.TryParse(text, out var person))
            {
                scope.Touch(person);
            }

            // A route value not of its form, on a route that answers it as its handlers would: that answer, not the refusal.
            var answer = fault?.SourceException is BadHttpRequestException refusal ? MalformedRouteValues.AnswerOf(context, refusal, scope) : null;
            var status = answer?.StatusCode ?? (fault is null ? context.Response.StatusCode : StatusOf(fault.SourceException, context));

            // A client that went away still leaves its event: the request may have read person data.
            var cancellation = context.RequestAborted.IsCancellationRequested ? CancellationToken.None : context.RequestAborted;
            if (!await recorder.TryRecordAsync(context, audited.Action, scope, status, cancellation) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await AuditRecorder.Unavailable(context).ExecuteAsync(context);
                return;
            }

            if (answer is not null)
            {
                await answer.ExecuteAsync(context);
                return;
            }
        }

        fault?.Throw();
    }

    private static int StatusOf(Exception exception, HttpContext context) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when StorageFailures.IsStorageFailure(exception, out _) => StatusCodes.Status503ServiceUnavailable,
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
