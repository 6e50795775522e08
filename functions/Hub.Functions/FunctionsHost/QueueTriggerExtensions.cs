using Hub.Core.Audit;
using Hub.Functions.Hosting;

namespace Hub.Functions.FunctionsHost;

/// <summary>Registers the local trigger runner (queues and timers) when the Functions host is not there to fire the triggers.</summary>
internal static class QueueTriggerExtensions
{
    public static IServiceCollection AddQueueTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueTriggerOptions>()
            .Bind(configuration.GetSection(QueueTriggerOptions.SectionName))
            .Validate(o => o.MaxDequeueCount >= 1 && o.BatchSize >= 1 && o.VisibilityTimeout > TimeSpan.Zero, "Hub:Triggers settings must be positive.")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>()
            .Validate(
                o => TimerFunction.TryParse(o.CheckpointSchedule) is not null,
                "Hub:Audit:CheckpointSchedule must be an NCRONTAB expression with seconds (six fields, UTC), e.g. 0 */15 * * * *.")
            .ValidateOnStart();

        var runLocally = configuration.GetValue<bool?>($"{QueueTriggerOptions.SectionName}:{nameof(QueueTriggerOptions.RunLocally)}")
            ?? !CustomHandlerHosting.IsUnderFunctionsHost;
        if (runLocally)
        {
            services.AddHostedService<LocalTriggerRunner>();
        }

        return services;
    }
}
