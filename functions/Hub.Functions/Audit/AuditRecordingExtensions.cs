using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>Wires audit-before-answer: the per-request scope, the recorder, the middleware and the endpoint convention.</summary>
internal static class AuditRecordingExtensions
{
    public static IServiceCollection AddAuditRecording(this IServiceCollection services)
    {
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<AuditScope>();
        return services;
    }

    /// <summary>
    /// Records what the endpoint filter cannot see (refusals, unreadable requests, faults); placed before
    /// authentication, so a refusal's event is written before its problem.
    /// </summary>
    public static WebApplication UseAuditedRequests(this WebApplication app)
    {
        app.UseMiddleware<AuditedRequestMiddleware>();
        return app;
    }

    /// <summary>
    /// Every request to the endpoint leaves exactly one audit event of <paramref name="action"/>, written before the
    /// answer: allowed, refused by authentication, authorization, the rate limit or the policy, unreadable, or failed.
    /// </summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedEndpoint(action)).AddEndpointFilter<TBuilder, AuditedEndpointFilter>();
}
