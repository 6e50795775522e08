using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// The handler side of the Functions host's timer triggers: <c>POST /{FunctionName}</c> with the JSON envelope
/// (<c>Data.timer</c> holds the schedule status, which the Hub does not need). A non-success status makes the
/// host log the firing as failed; the next firing runs as usual.
/// </summary>
internal static partial class TimerTriggerEndpoints
{
    public static IEndpointRouteBuilder MapTimerTriggers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/").ExcludeFromDescription().AllowAnonymous();
        foreach (var function in TimerFunctions.All)
        {
            group.MapPost("/" + function.Name, (InvocationRequest request, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                    InvokeAsync(function, context, loggers.CreateLogger(typeof(TimerTriggerEndpoints)), cancellationToken))
                .WithName(function.Name)
                .WithMetadata(function);
        }

        return routes;
    }

    internal static async Task<Results<Ok<InvocationResponse>, NotFound, JsonHttpResult<InvocationResponse>>> InvokeAsync(
        TimerFunction function, HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        // The host calls from loopback; anything else reaching this port must not be able to fire the timer.
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return TypedResults.NotFound();
        }

        try
        {
            await function.HandleAsync(context.RequestServices, cancellationToken);
            return TypedResults.Ok(new InvocationResponse([], [$"{function.Name}: done"], null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInvocationFailed(logger, ex, function.Name);
            return TypedResults.Json(new InvocationResponse([], [$"{function.Name}: failed ({ex.GetType().Name})"], null), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function);
}
