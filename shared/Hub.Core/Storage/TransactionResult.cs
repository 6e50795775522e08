using Azure;

namespace Hub.Core.Storage;

/// <summary>The outcome of a transaction: every change made, or none and which change stopped it.</summary>
/// <param name="Outcome">
/// <see cref="WriteOutcome.Written"/>, or why nothing was written: <see cref="WriteOutcome.AlreadyExists"/> (an add
/// found its row), <see cref="WriteOutcome.Changed"/> (an update's row was no longer at its version) or
/// <see cref="WriteOutcome.TooManyColumns"/> (a merge would take its row past the columns storage takes).
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
    /// <remarks>
    /// What is thrown is a storage failure (<see cref="StorageFailures.IsStorageFailure"/>) with the status storage
    /// answered (404, 409 or 412) and the outcome as its code, as the SDK's own refusal was before it became an
    /// outcome: the boundaries answer it with 503 and a batch records it as its last error, never a bare 500.
    /// </remarks>
    public void ThrowIfNotWritten()
    {
        if (!IsWritten)
        {
            var status = Outcome switch
            {
                WriteOutcome.Missing => 404,
                WriteOutcome.AlreadyExists => 409,
                WriteOutcome.TooManyColumns => 400,
                _ => 412,
            };
            throw new RequestFailedException(status, $"A transaction that no other writer could refuse was refused: {Outcome} at change {FailedIndex}.", Outcome.ToString(), innerException: null);
        }
    }
}
