namespace Hub.Core.Audit;

/// <summary>An event as the chain holds it: its place, its time and its hashes.</summary>
/// <param name="Sequence">The event's place in the chain, from 1, without gaps.</param>
/// <param name="Time">When the Hub recorded it.</param>
/// <param name="Event">The event.</param>
/// <param name="PreviousHash">The chain hash of the event before (64 zeros for the first), lower-case hex.</param>
/// <param name="Hash">SHA-256 of the previous hash and the event's canonical form, lower-case hex.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Time, AuditEvent Event, string PreviousHash, string Hash);
