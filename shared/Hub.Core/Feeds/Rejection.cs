namespace Hub.Core.Feeds;

/// <summary>Why one record of a feed was not accepted. Reasons never quote personal data.</summary>
/// <param name="Row">The row number, as in <see cref="FeedRow.Number"/>.</param>
/// <param name="Field">The column the problem is in, as the department names it; null for the whole row.</param>
/// <param name="Reason">What is wrong, in words a data clerk can act on.</param>
public sealed record Rejection(long Row, string? Field, string Reason);
