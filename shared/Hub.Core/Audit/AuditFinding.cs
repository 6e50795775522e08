namespace Hub.Core.Audit;

/// <summary>The first point where the stored chain departs from what was written.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Sequence">
/// The sequence number of the first event affected. Against a checkpoint alone (the chain's hashes were recomputed
/// consistently) this is the first event of the checkpoint's range, and <paramref name="LastSequence"/> its last.
/// </param>
/// <param name="LastSequence">The end of the range the change lies in, when only a range can be named.</param>
/// <param name="Partition">The day partition it was found in.</param>
/// <param name="Detail">An explanation for the auditor; it never quotes event content.</param>
public sealed record AuditFinding(AuditTamperKind Kind, long Sequence, long? LastSequence, string Partition, string Detail);
