namespace Hub.Functions.Hosting;

/// <summary>Binds the handler where the Azure Functions host expects it.</summary>
internal static class CustomHandlerHosting
{
    /// <summary>Set by the Functions host for a custom handler: the loopback port it forwards invocations to.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>True when the Functions host started this process.</summary>
    public static bool IsUnderFunctionsHost => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PortVariable));

    /// <summary>
    /// Under the Functions host, listens on 127.0.0.1 at <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>: the host polls that
    /// address for readiness, and the child inherits the host's own URL settings, which must not apply here.
    /// </summary>
    public static WebApplicationBuilder AddCustomHandlerHosting(this WebApplicationBuilder builder)
    {
        var port = Environment.GetEnvironmentVariable(PortVariable);
        if (!string.IsNullOrEmpty(port))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        builder.Services.AddHostedService<ConfigurationCheck>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHostedService<PolicyChangeAudit>();
        return builder;
    }
}
