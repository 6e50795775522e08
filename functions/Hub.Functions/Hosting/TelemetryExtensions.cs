using Azure.Monitor.OpenTelemetry.Exporter;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.Functions.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: the Hub's own spans and counters, incoming requests and storage calls. They go
/// to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with the managed identity), and
/// to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. No personal data: paths carry only source
/// ids, batch ids and person keys, query strings are dropped, a path is recorded as its route's template, and exceptions are not recorded on spans.
/// </summary>
internal static class TelemetryExtensions
{
    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        // The Azure SDK emits spans for storage calls only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var configuration = builder.Configuration;
        var insights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        // The same cloud as the storage clients'; the connection string names the cloud's ingestion endpoint and,
        // outside public Azure, its token audience (AADAudience).
        var identity = configuration.GetSection(HubIdentityOptions.SectionName).Get<HubIdentityOptions>() ?? new HubIdentityOptions();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hub"))
            .WithTracing(tracing =>
            {
                tracing.AddSource([HubTelemetry.Name, .. HubStorage.TraceSources])
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.RecordException = false;
                        options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);

                        // A client may put anything in a path, an ID number too: spans carry the route's template
                        // (/api/persons/{personKey}), never the path sent, and nothing for a path no route matched.
                        options.EnrichWithHttpResponse = (activity, response) =>
                            activity.SetTag("url.path", (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
                    });
                if (!string.IsNullOrEmpty(insights))
                {
                    tracing.AddAzureMonitorTraceExporter(o => (o.ConnectionString, o.Credential) = (insights, identity.CreateCredential()));
                }

                if (!string.IsNullOrEmpty(otlp))
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HubTelemetry.Name).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrEmpty(insights))
                {
                    metrics.AddAzureMonitorMetricExporter(o => (o.ConnectionString, o.Credential) = (insights, identity.CreateCredential()));
                }

                if (!string.IsNullOrEmpty(otlp))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }
}
