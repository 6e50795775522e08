namespace Hub.Core.Feeds.Batches;

/// <summary>Why a snapshot was held rather than applied, in numbers a department can check against its register.</summary>
/// <param name="Reason">The reason, in a sentence that quotes no record.</param>
/// <param name="WouldEndDate">How many of the source's current records applying the snapshot would end-date.</param>
/// <param name="CurrentRecords">How many records of the source are current before the snapshot.</param>
/// <param name="AllowedShare">The share of the current records a snapshot may end-date without being held.</param>
/// <param name="HeldAt">When the snapshot was held.</param>
public sealed record SnapshotHold(string Reason, long WouldEndDate, long CurrentRecords, double AllowedShare, DateTimeOffset HeldAt);
