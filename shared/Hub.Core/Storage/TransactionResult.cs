namespace Hub.Core.Storage;

/// <summary>The outcome of a transaction: every change made, or none and which change stopped it.</summary>
/// <param name="Outcome">
/// <see cref="WriteOutcome.Written"/>, or why nothing was written: <see cref="WriteOutcome.AlreadyExists"/> (an add
/// found its row) or <see cref="WriteOutcome.Changed"/> (an update's row was no longer at its version).
/// </param>
/// <param name="FailedIndex">The index of the change that stopped the transaction; null when it was written.</param>
/// <param name="Versions">The new version of each change's row, in the order submitted; empty unless written.</param>
public sealed record TransactionResult(WriteOutcome Outcome, int? FailedIndex, IReadOnlyList<EntityVersion?> Versions)
{
    /// <summary>Whether every change was made.</summary>
    public bool IsWritten => Outcome == WriteOutcome.Written;

    /// <summary>
    /// Throws unless the transaction was written: for transactions of upserts and deletes that no other writer can
    /// refuse, where a refusal means the table is gone or the caller is wrong, never a conflict to handle.
    /// </summary>
    public void ThrowIfNotWritten()
    {
        if (!IsWritten)
        {
            throw new InvalidOperationException($"A transaction that no other writer could refuse was refused: {Outcome} at change {FailedIndex}.");
        }
    }
}
