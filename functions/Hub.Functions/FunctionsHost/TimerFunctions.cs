using Hub.Core.Audit;
using Hub.Core.Residents;

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

    /// <summary>
    /// Brings the resident index in line with the facts each night: places whose validity lapsed move, rows no person
    /// has any more go. Two instances firing at once do the same work twice, harmlessly.
    /// </summary>
    public static readonly TimerFunction ReconcileResidentIndex = new(
        "ReconcileResidentIndex",
        "Hub:Residents:ReconcileSchedule",
        "0 30 18 * * *",
        (services, cancellationToken) => services.GetRequiredService<ResidentReconciler>().RunAsync(cancellationToken));

    public static IReadOnlyList<TimerFunction> All { get; } = [WriteAuditCheckpoints, ReconcileResidentIndex];
}
