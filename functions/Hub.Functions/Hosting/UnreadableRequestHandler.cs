using Microsoft.AspNetCore.Diagnostics;

namespace Hub.Functions.Hosting;

/// <summary>
/// Answers a request the framework could not read with its 4xx problem (<see cref="UnreadableRequest"/>). A client's
/// mistake, so nothing is logged: the framework's message may quote the value the client sent.
/// </summary>
internal sealed class UnreadableRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = UnreadableRequest.Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
