using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Core.Audit;

/// <summary>Registers the audit trail: the log, checkpoints, verification, proofs and search.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Registers the audit services and validates <c>Hub:Audit</c> at start-up. Needs <c>AddHubStorage</c>.</summary>
    public static IServiceCollection AddHubAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .Validate(
                o => o.RetentionYears >= AuditOptions.MinimumRetentionYears,
                $"Hub:Audit:RetentionYears must be at least {AuditOptions.MinimumRetentionYears} (PIPL keeps processing records three years).")
            .Validate(o => o.CheckpointEvery is > 0 and <= 1_000_000, "Hub:Audit:CheckpointEvery must be between 1 and 1,000,000.")
            .Validate(o => o.BulkAccessPerHour >= 1, "Hub:Audit:BulkAccessPerHour must be at least 1.")
            .Validate(o => o.BulkAccessBaselineFactor > 1, "Hub:Audit:BulkAccessBaselineFactor must be greater than 1.")
            .Validate(o => o.BulkAccessBaselineDays is >= 1 and <= 31, "Hub:Audit:BulkAccessBaselineDays must be between 1 and 31.")
            .Validate(o => o.BulkAccessBaselineFloor >= 1, "Hub:Audit:BulkAccessBaselineFloor must be at least 1.")
            .Validate(o => o.PersonIndexBusyShare is >= 0.05 and <= 1, "Hub:Audit:PersonIndexBusyShare must be between 0.05 and 1.")
            .ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditProver>();
        services.AddSingleton<AuditSearch>();
        services.AddSingleton<AuditAlerts>();
        services.AddSingleton<PolicyChangeRecorder>();
        return services;
    }
}
