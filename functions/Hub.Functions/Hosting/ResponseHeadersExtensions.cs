namespace Hub.Functions.Hosting;

/// <summary>
/// Headers every answer carries unless its endpoint says otherwise: <c>Cache-Control: no-store</c>, so no browser,
/// proxy or gateway keeps a copy of a person's data (or a token), and <c>X-Content-Type-Options: nosniff</c>, so a
/// browser never runs an answer as something it is not. The console's own files set their caching themselves.
/// </summary>
internal static class ResponseHeadersExtensions
{
    public static WebApplication UseHubResponseHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        return app;
    }
}
