using Hub.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Hub.Functions.Hosting;

/// <summary>Answers a storage failure with 503 and a problem body; the exception text is not echoed.</summary>
internal sealed partial class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageFailures.IsStorageFailure(exception, out var status))
        {
            return false;
        }

        LogStorageFailure(logger, status, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage is unavailable",
                Detail = "The Hub could not reach its storage. Nothing was lost; try again shortly.",
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Storage request failed with status {Status} while serving {Path}")]
    private static partial void LogStorageFailure(ILogger logger, int status, PathString path);
}
