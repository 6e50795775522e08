using Hub.Core.Audit;
using Hub.Core.Exchange;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Identity.Rotation;
using Hub.Core.Retention;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Every timer-triggered function of the Hub, in one list: the handler endpoints, the local trigger runner and the
/// generated <c>function.json</c> files are all made from it.
/// </summary>
internal static class TimerFunctions
{
    /// <summary>
    /// Anchors the audit chain: checkpoints every event recorded since the last checkpoint into the WORM container.
    /// Beside it, brings the "who looked at this person" index up to the chain, so an index an instance left behind
    /// (it stopped between chaining and indexing) heals. Two instances firing at once are harmless, as a checkpoint
    /// blob is only ever created and index rows are upserts behind a cursor that only moves forward.
    /// </summary>
    public static readonly TimerFunction WriteAuditCheckpoints = new(
        "WriteAuditCheckpoints",
        $"{AuditOptions.SectionName}:{nameof(AuditOptions.CheckpointSchedule)}",
        new AuditOptions().CheckpointSchedule,
        (services, cancellationToken) => Task.WhenAll(
            services.GetRequiredService<AuditCheckpointWriter>().WriteUpToNowAsync(cancellationToken),
            services.GetRequiredService<AuditLog>().CatchUpPersonIndexAsync(cancellationToken)));

    /// <summary>
    /// Brings the resident index in line with the facts each night: places whose validity lapsed move, rows no person
    /// has any more go. Two instances firing at once do the same work twice, harmlessly.
    /// </summary>
    public static readonly TimerFunction ReconcileResidentIndex = new(
        "ReconcileResidentIndex",
        "Hub:Residents:ReconcileSchedule",
        "0 30 18 * * *",
        (services, cancellationToken) => services.GetRequiredService<ResidentReconciler>().RunAsync(cancellationToken));

    /// <summary>
    /// Drops change events older than the retention (whole feed blocks, the retained mark moved first) and the staging
    /// rows of batches that never completed. Two instances firing at once delete the same rows, harmlessly.
    /// </summary>
    public static readonly TimerFunction PruneChangeEvents = new(
        "PruneChangeEvents",
        $"{ChangeEventOptions.SectionName}:PruneSchedule",
        "0 45 18 * * *",
        (services, cancellationToken) => services.GetRequiredService<ChangeFeed>().PruneAsync(cancellationToken));

    /// <summary>
    /// Asks every push subscription to deliver what is pending: what a batch's own request missed (its process stopped
    /// between publishing and asking), and deliveries whose retry message was lost. A subscription with nothing
    /// pending, or waiting for a retry, costs two point reads and does nothing.
    /// </summary>
    public static readonly TimerFunction SweepPushDeliveries = new(
        "SweepPushDeliveries",
        $"{PushDeliveryOptions.SectionName}:SweepSchedule",
        new PushDeliveryOptions().SweepSchedule,
        (services, cancellationToken) => services.GetRequiredService<PushDelivery>().RequestAllAsync(cancellationToken));

    /// <summary>
    /// Erases the persons whose retention ran out (Hub:Retention), each erasure one audit event; with
    /// <c>EraseOnSchedule</c> off it only logs how many it would erase. Two instances firing at once delete the same
    /// rows, harmlessly, and an erasure stopped half way is finished the next night.
    /// </summary>
    public static readonly TimerFunction EraseExpiredPersons = new(
        "EraseExpiredPersons",
        $"{RetentionOptions.SectionName}:{nameof(RetentionOptions.Schedule)}",
        new RetentionOptions().Schedule,
        (services, cancellationToken) => services.GetRequiredService<RetentionSweep>().RunScheduledAsync(cancellationToken));

    /// <summary>
    /// Continues a pepper rotation an administrator started and that stopped before its end (a request cut short, a
    /// restart). Without a retired pepper configured it reads nothing; a rotation continued twice at once moves the same
    /// rows to the same keys, harmlessly.
    /// </summary>
    public static readonly TimerFunction ContinuePersonKeyRotation = new(
        "ContinuePersonKeyRotation",
        $"{PersonKeyOptions.SectionName}:RotationSchedule",
        "0 */5 * * * *",
        async (services, cancellationToken) =>
        {
            var rotation = services.GetRequiredService<PersonKeyRotation>();
            if (await rotation.IsRunningAsync(cancellationToken))
            {
                await rotation.RunAsync(cancellationToken);
            }
        });

    public static IReadOnlyList<TimerFunction> All { get; } = [WriteAuditCheckpoints, ReconcileResidentIndex, PruneChangeEvents, SweepPushDeliveries, EraseExpiredPersons, ContinuePersonKeyRotation];
}
