namespace Hub.Cli;

/// <summary>A possible match as <c>hub queue</c> prints it: the record's key and its candidates' keys, never a name or a number.</summary>
internal sealed record QueueRow(string RecordKey, string Source, double? Score, DateTimeOffset QueuedAt, IReadOnlyList<QueueCandidateRow> Candidates);
