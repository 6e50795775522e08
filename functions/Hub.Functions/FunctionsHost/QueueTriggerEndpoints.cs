using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// The handler side of the Functions host's queue triggers: <c>POST /{FunctionName}</c> with the JSON envelope.
/// A non-success status tells the host the invocation failed, so it retries and finally moves the message to
/// the poison queue, exactly as the local trigger runner does.
/// </summary>
internal static partial class QueueTriggerEndpoints
{
    public static IEndpointRouteBuilder MapQueueTriggers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/").ExcludeFromDescription().AllowAnonymous();
        foreach (var function in QueueFunctions.All)
        {
            group.MapPost("/" + function.Name, (InvocationRequest request, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                    InvokeAsync(function, request, context, loggers.CreateLogger(typeof(QueueTriggerEndpoints)), cancellationToken))
                .WithName(function.Name)
                .WithMetadata(function);
        }

        return routes;
    }

    internal static async Task<Results<Ok<InvocationResponse>, NotFound, JsonHttpResult<InvocationResponse>>> InvokeAsync(
        QueueFunction function, InvocationRequest request, HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        // The host calls from loopback; anything else reaching this port must not be able to drive the pipeline.
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return TypedResults.NotFound();
        }

        var body = request.DataText(QueueFunction.MessageBinding);
        var dequeueCount = request.MetadataNumber("DequeueCount") ?? 1;
        if (body is null)
        {
            return Failure($"{function.Name}: the invocation has no '{QueueFunction.MessageBinding}' binding.");
        }

        try
        {
            await function.HandleAsync(context.RequestServices, body, cancellationToken);
            return TypedResults.Ok(new InvocationResponse([], [$"{function.Name}: done (attempt {dequeueCount})"], null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInvocationFailed(logger, ex, function.Name, dequeueCount);
            return Failure($"{function.Name}: attempt {dequeueCount} failed ({ex.GetType().Name})");
        }
    }

    private static JsonHttpResult<InvocationResponse> Failure(string log) =>
        TypedResults.Json(new InvocationResponse([], [log], null), statusCode: StatusCodes.Status500InternalServerError);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Queue function {Function} failed on attempt {DequeueCount}")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function, long dequeueCount);
}
