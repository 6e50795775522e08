namespace Hub.Functions.Resolution;

/// <summary>One decision of a bulk decision, as the single routes take it.</summary>
/// <param name="RecordKey">The queued record decided about.</param>
/// <param name="Action"><c>link</c> (the record is <paramref name="PersonKey"/>) or <c>reject</c> (it is nobody the Hub knows).</param>
/// <param name="PersonKey">For a link: the person the record belongs to; absent for a rejection.</param>
/// <param name="Reason">Why; required to link two persons who both have valid ID numbers.</param>
internal sealed record BulkDecision(string? RecordKey, string? Action, string? PersonKey, string? Reason);
