using Hub.Core.Audit;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Audit;

/// <summary>Wires audit-before-answer: the per-request scope, the recorder, the refusal hook and the endpoint convention.</summary>
internal static class AuditRecordingExtensions
{
    public static IServiceCollection AddAuditRecording(this IServiceCollection services)
    {
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<AuditScope>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// Every request to the endpoint leaves exactly one audit event of <paramref name="action"/>, written before the
    /// answer: allowed, refused by authentication, authorization, the rate limit or the policy, or failed.
    /// </summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedEndpoint(action)).AddEndpointFilter<TBuilder, AuditedEndpointFilter>();
}
