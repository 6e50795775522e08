namespace Hub.Core.Feeds.Batches;

/// <summary>Rows rejected for one reason in one field. Reasons never quote personal data; digits in them (row numbers, limits) are folded to <c>#</c> so one reason is one line.</summary>
/// <param name="Field">The column the problem is in, as the department names it; null for the whole row.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Rows">How many rows.</param>
public sealed record ReasonTally(string? Field, string Reason, long Rows);
