namespace Hub.Core.Audit;

/// <summary>
/// Keeps the person index's writes out of the readers' way while requests are being answered: small transactions
/// (<see cref="BusyTransactionRows"/> rows), each followed by a pause of <c>took × (1 − share) / share</c>, so the
/// index keeps storage busy for at most its share of the time and no reader waits long behind one transaction. Once
/// <paramref name="busy"/> says no requests came in, full transactions and no pause.
/// </summary>
/// <remarks>
/// The pause follows the time the storage took, so it adapts to the storage rather than to a fixed rate: an emulator
/// that does everything on one thread and a service that takes a transaction in a few milliseconds both give readers
/// the rest of their time.
/// </remarks>
/// <param name="busyShare">The share of the storage's time the index may use while busy, in (0, 1]; 1 never pauses.</param>
/// <param name="busy">Whether requests are being answered now; asked once per transaction, after it.</param>
internal sealed class AuditIndexPacing(double busyShare, Func<bool> busy)
{
    /// <summary>The most rows a transaction holds (the storage's limit), when nobody waits.</summary>
    public const int IdleTransactionRows = 100;

    /// <summary>The most rows a transaction holds while requests are being answered.</summary>
    public const int BusyTransactionRows = 10;

    private bool _busy;

    /// <summary>How many rows the next transaction may hold: few while the last answer to "busy?" was yes.</summary>
    public int TransactionRows => _busy && busyShare < 1 ? BusyTransactionRows : IdleTransactionRows;

    /// <summary>Asks whether requests are being answered, and says how long to pause after a transaction that took <paramref name="took"/>.</summary>
    public TimeSpan PauseAfter(TimeSpan took)
    {
        _busy = busy();
        return busyShare >= 1 || took <= TimeSpan.Zero || !_busy ? TimeSpan.Zero : took * ((1 - busyShare) / busyShare);
    }

    /// <summary>Pauses after a transaction that took <paramref name="took"/>, as <see cref="PauseAfter"/> says.</summary>
    public Task PaceAsync(TimeSpan took, CancellationToken cancellationToken) =>
        PauseAfter(took) is { } pause && pause > TimeSpan.Zero ? Task.Delay(pause, cancellationToken) : Task.CompletedTask;
}
