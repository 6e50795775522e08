namespace Hub.Core.Storage;

/// <summary>The outcome of a conditional write, and the row's new version when it was written.</summary>
/// <param name="Outcome">What became of the write.</param>
/// <param name="Version">The version storage gave the row; null unless <see cref="IsWritten"/>.</param>
public readonly record struct WriteResult(WriteOutcome Outcome, EntityVersion? Version)
{
    /// <summary>Whether the write was made.</summary>
    public bool IsWritten => Outcome == WriteOutcome.Written;
}
