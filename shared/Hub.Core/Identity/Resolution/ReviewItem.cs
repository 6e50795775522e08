namespace Hub.Core.Identity.Resolution;

/// <summary>A possible match for a steward: the record under review beside each candidate person, with the field-by-field reasons.</summary>
/// <param name="RecordKey">The key of the record kept without a usable ID.</param>
/// <param name="Source">The source that sent it.</param>
/// <param name="Batch">The batch it came in.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="Score">The best candidate's score when it was queued, to two places: what the queue is sorted and filtered by.</param>
/// <param name="Record">What the record says (attribute → value): personal data, for stewards only.</param>
/// <param name="Candidates">The candidates, best first.</param>
public sealed record ReviewItem(string RecordKey, string Source, string Batch, DateTimeOffset QueuedAt, double? Score, IReadOnlyDictionary<string, string> Record, IReadOnlyList<ReviewCandidate> Candidates);
