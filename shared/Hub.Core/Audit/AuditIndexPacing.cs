namespace Hub.Core.Audit;

/// <summary>
/// Keeps the person index's writes to a share of storage's time while requests are being answered: after each index
/// transaction, a pause of <c>took × (1 − share) / share</c> while <paramref name="busy"/> says new events are waiting,
/// none when it says they are not.
/// </summary>
/// <remarks>
/// The pause follows the time the storage took, so it adapts to the storage rather than to a fixed rate: an emulator
/// that does everything on one thread and a service that takes a transaction in a few milliseconds both give readers
/// the rest of their time.
/// </remarks>
/// <param name="busyShare">The share of the storage's time the index may use while busy, in (0, 1]; 1 never pauses.</param>
/// <param name="busy">Whether requests are being answered now (the audit log has handed over events not yet indexed).</param>
internal sealed class AuditIndexPacing(double busyShare, Func<bool> busy)
{
    /// <summary>How long to pause after a transaction that took <paramref name="took"/>.</summary>
    public TimeSpan PauseAfter(TimeSpan took) =>
        busyShare >= 1 || took <= TimeSpan.Zero || !busy() ? TimeSpan.Zero : took * ((1 - busyShare) / busyShare);

    /// <summary>Pauses after a transaction that took <paramref name="took"/>, as <see cref="PauseAfter"/> says.</summary>
    public Task PaceAsync(TimeSpan took, CancellationToken cancellationToken) =>
        PauseAfter(took) is { } pause && pause > TimeSpan.Zero ? Task.Delay(pause, cancellationToken) : Task.CompletedTask;
}
