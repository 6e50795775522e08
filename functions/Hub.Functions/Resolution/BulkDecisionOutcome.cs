namespace Hub.Functions.Resolution;

/// <summary>What became of one decision of a bulk decision.</summary>
/// <param name="Index">Its place in the request, from 0.</param>
/// <param name="RecordKey">The record decided about; null when the request did not name one of its form.</param>
/// <param name="Status">How it went.</param>
/// <param name="Detail">Why it was not applied; null when applied.</param>
/// <param name="Golden">The golden person the record belongs to afterwards, when applied.</param>
internal sealed record BulkDecisionOutcome(int Index, string? RecordKey, BulkDecisionStatus Status, string? Detail, string? Golden);
