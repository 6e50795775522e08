namespace Hub.Cli.Drafting;

/// <summary>What the Hub would make of the whole sample file with the draft as it is, counted as <c>hub validate</c> counts.</summary>
/// <param name="Received">Rows read.</param>
/// <param name="Accepted">Rows the Hub would accept.</param>
/// <param name="Rejected">Rows it would reject.</param>
/// <param name="KeptWithoutId">Accepted rows without a usable ID number, which the Hub matches by their other fields.</param>
/// <param name="FailureReason">Why the Hub would fail the whole file, if it would.</param>
internal sealed record DraftTrial(long Received, long Accepted, long Rejected, long KeptWithoutId, string? FailureReason);
