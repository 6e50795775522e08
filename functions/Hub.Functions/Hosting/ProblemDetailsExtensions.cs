namespace Hub.Functions.Hosting;

/// <summary>Every error the Hub answers carries a problem-details body, never a bare status.</summary>
internal static class ProblemDetailsExtensions
{
    public static IServiceCollection AddHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        return services;
    }

    public static WebApplication UseHubProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();

        // 401, 403 and 404 from routing and authentication have no body of their own.
        app.UseStatusCodePages();
        return app;
    }
}
