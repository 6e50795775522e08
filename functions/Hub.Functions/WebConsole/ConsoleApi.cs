using Hub.Core.Access;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Hub.Functions.WebConsole;

/// <summary>
/// The web console: static files (HTML, one JavaScript module, CSS, two string dictionaries) served under
/// <c>/api/console/</c>, because the Functions host forwards only <c>/api</c> to the handler, and the settings the page
/// starts from. The page holds no data of its own: it calls the Hub's API with the user's bearer token and shows
/// exactly what the API answered, which the access policy has already rendered for that user.
/// </summary>
internal static class ConsoleApi
{
    public const string BasePath = "/api/console/";

    // The page loads nothing from elsewhere; the only other origin it talks to is the token endpoint of the
    // configured authority (login.microsoftonline.com in public Azure, login.chinacloudapi.cn in Azure China).
    internal static string ContentSecurityPolicy(string? authority)
    {
        var login = Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : string.Empty;
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'{login}; " +
            $"frame-ancestors 'none'; base-uri 'none'; form-action 'self'{login}";
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IServiceCollection AddHubConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));
        services.AddSingleton(new ConsoleFiles(new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "WebConsole", "wwwroot"))));
        services.AddSingleton<ConsoleLabels>();
        services.AddHostedService<SampleIdentitiesAnnouncer>();
        return services;
    }

    public static WebApplication MapHubConsole(this WebApplication app)
    {
        // The short address people type; the console itself lives under /api so that it is reachable in Azure too.
        app.Use((context, next) =>
        {
            if (!context.Request.Path.Equals("/console", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.Equals("/console/", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            context.Response.Redirect(BasePath);
            return Task.CompletedTask;
        });

        var group = app.MapGroup("/api/console").WithTags("Console").AllowAnonymous();
        group.MapGet("/settings", GetSettings).WithName("GetConsoleSettings")
            .WithSummary("How the web console signs people in (development or Entra ID) and the purposes it offers; no personal data");
        group.MapGet("/{*path}", GetFile).WithName("GetConsoleFile")
            .WithSummary("The web console's own files (HTML, JavaScript, CSS, string dictionaries); no personal data")
            .Produces(StatusCodes.Status200OK, responseType: null, "text/html", "text/javascript", "text/css", "application/json")
            .ProducesProblems(StatusCodes.Status404NotFound);

        // Read from configuration, not the validated options: the function-metadata command builds the routes without
        // the settings a running Hub needs.
        var authority = app.Configuration[$"{HubAuthOptions.SectionName}:Authority"];
        if (DevelopmentSignIn.IsEnabled(app.Environment, new HubAuthOptions { Authority = authority }))
        {
            group.MapDevelopmentSignIn();
        }

        return app;
    }

    internal static Ok<ConsoleSettings> GetSettings(IOptions<ConsoleOptions> console, IOptions<HubAuthOptions> auth, AccessPolicy policy, IHostEnvironment environment)
    {
        var purposes = policy.Purposes.Select(p => new ConsolePurpose(p.Id, p.Label)).ToList();
        if (DevelopmentSignIn.IsEnabled(environment, auth.Value))
        {
            return TypedResults.Ok(new ConsoleSettings("development", null, null, null, purposes));
        }

        var entra = console.Value;
        var ready = !string.IsNullOrWhiteSpace(entra.ClientId) && !string.IsNullOrWhiteSpace(entra.Scope) && !string.IsNullOrWhiteSpace(auth.Value.Authority);
        return TypedResults.Ok(ready
            ? new ConsoleSettings("entra", LoginAuthority(auth.Value.Authority!), entra.ClientId, entra.Scope, purposes)
            : new ConsoleSettings("unavailable", null, null, null, purposes));
    }

    internal static Results<PhysicalFileHttpResult, NotFound> GetFile(string? path, ConsoleFiles files, IOptions<HubAuthOptions> auth, HttpContext context)
    {
        var file = files.Provider.GetFileInfo(string.IsNullOrEmpty(path) ? "index.html" : path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(auth.Value.Authority);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        var type = ContentTypes.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type == "application/json")
        {
            type += "; charset=utf-8";
        }

        return TypedResults.PhysicalFile(file.PhysicalPath, type, enableRangeProcessing: false);
    }

    // The authority the Hub validates tokens against ends in /v2.0; the authorize and token endpoints sit beside it.
    private static string LoginAuthority(string authority)
    {
        var trimmed = authority.TrimEnd('/');
        return trimmed.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase) ? trimmed[..^"/v2.0".Length] : trimmed;
    }
}
