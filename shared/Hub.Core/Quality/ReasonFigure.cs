namespace Hub.Core.Quality;

/// <summary>Rows rejected for one reason, and their share of the rows received.</summary>
/// <param name="Field">The column, as the department names it; null for the whole row.</param>
/// <param name="Reason">What was wrong (digits folded to <c>#</c>).</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Rate">Their share of the rows received.</param>
public sealed record ReasonFigure(string? Field, string Reason, long Rows, double Rate);
