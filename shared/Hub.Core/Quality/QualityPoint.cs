using Hub.Core.Feeds.Batches;

namespace Hub.Core.Quality;

/// <summary>One batch on a department's trend: its headline figures.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="Mode">Delta or snapshot.</param>
/// <param name="ReceivedAt">When the Hub received it.</param>
/// <param name="Received">Rows read.</param>
/// <param name="RejectionRate">Rejected over received.</param>
/// <param name="KeptWithoutIdShare">Kept without an ID over accepted.</param>
/// <param name="MeanCompleteness">The mean completeness share of the mapped attributes; null when not recorded.</param>
/// <param name="DisagreementRate">Differing over compared values; null when nothing was compared.</param>
/// <param name="MeanLagDays">The mean arrival lag of its changes in days; null without changes.</param>
public sealed record QualityPoint(
    string BatchId,
    FeedMode Mode,
    DateTimeOffset ReceivedAt,
    long Received,
    double RejectionRate,
    double KeptWithoutIdShare,
    double? MeanCompleteness,
    double? DisagreementRate,
    double? MeanLagDays);
