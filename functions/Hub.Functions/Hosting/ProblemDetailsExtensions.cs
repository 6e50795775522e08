using System.Globalization;
using Hub.Functions.Access;

namespace Hub.Functions.Hosting;

/// <summary>
/// One error path: every error the Hub answers carries a problem-details body, never a bare status, and a request
/// the framework cannot read is a 4xx problem, never a 500. Binding failures throw (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>)
/// in every environment, so they pass the audit middleware and reach <see cref="UnreadableRequestHandler"/> instead
/// of ending as an empty 400 that nothing records, and the framework never logs the value that failed to bind.
/// </summary>
internal static class ProblemDetailsExtensions
{
    public static IServiceCollection AddHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<UnreadableRequestHandler>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // Routing answers a body of a media type the route does not accept (415) with an endpoint of its own, which
        // carries no audit metadata; without that policy the request reaches its route, whose binding refuses it with
        // the same 415, audited like any unreadable request. (Nothing here routes by media type.)
        foreach (var accepts in services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
        {
            services.Remove(accepts);
        }

        // A client's unreadable request is not the Hub's fault, and its message may quote what the client sent.
        services.Configure<ExceptionHandlerOptions>(options => options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException);
        return services;
    }

    public static WebApplication UseHubProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();

        // 401, 403, 404 and 429 from routing, authentication, authorization and the rate limiter have no body of their own.
        app.UseStatusCodePages();
        return app;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        switch (problem.Status)
        {
            case StatusCodes.Status401Unauthorized:
                problem.Detail ??= "Send a valid bearer token for the Hub.";
                break;
            case StatusCodes.Status403Forbidden:
                problem.Detail ??= http.Features.Get<RefusalReason>()?.Reason ?? "Your identity's roles do not open this route.";
                break;
            case StatusCodes.Status429TooManyRequests:
                problem.Title = "Too many requests";
                problem.Detail ??= int.TryParse(http.Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? $"This identity has made more requests than the Hub allows; try again in {seconds} seconds."
                    : "This identity has made more requests than the Hub allows; try again later.";
                break;
        }
    }
}
