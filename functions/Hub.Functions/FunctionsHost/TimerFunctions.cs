using Hub.Core.Audit;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Every timer-triggered function of the Hub, in one list: the handler endpoints, the local trigger runner and the
/// generated <c>function.json</c> files are all made from it.
/// </summary>
internal static class TimerFunctions
{
    /// <summary>
    /// Anchors the audit chain: checkpoints every event recorded since the last checkpoint into the WORM container.
    /// Two instances firing at once are harmless, as a checkpoint blob is only ever created.
    /// </summary>
    public static readonly TimerFunction WriteAuditCheckpoints = new(
        "WriteAuditCheckpoints",
        $"{AuditOptions.SectionName}:{nameof(AuditOptions.CheckpointSchedule)}",
        new AuditOptions().CheckpointSchedule,
        (services, cancellationToken) => services.GetRequiredService<AuditCheckpointWriter>().WriteUpToNowAsync(cancellationToken));

    public static IReadOnlyList<TimerFunction> All { get; } = [WriteAuditCheckpoints];
}
