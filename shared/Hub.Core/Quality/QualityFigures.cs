using Hub.Core.Feeds.Batches;

namespace Hub.Core.Quality;

/// <summary>
/// One batch's data-quality figures as a reader is given them: counts with their rates and shares. A batch completed
/// before its figures were recorded has only what its counts tell (<see cref="Recorded"/> false).
/// </summary>
public sealed record QualityFigures
{
    /// <summary>The batch.</summary>
    public required string BatchId { get; init; }

    /// <summary>Delta or snapshot.</summary>
    public required FeedMode Mode { get; init; }

    /// <summary>When the Hub received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>True when the batch's figures were recorded as it completed; false when only its counts are known.</summary>
    public required bool Recorded { get; init; }

    /// <summary>Rows read.</summary>
    public long Received { get; init; }

    /// <summary>Rows accepted.</summary>
    public long Accepted { get; init; }

    /// <summary>Rows rejected.</summary>
    public long Rejected { get; init; }

    /// <summary>Rejected over received.</summary>
    public double RejectionRate { get; init; }

    /// <summary>Rejections by field and reason, most frequent first.</summary>
    public IReadOnlyList<ReasonFigure> Rejections { get; init; } = [];

    /// <summary>Accepted rows kept without a usable ID number, to be matched by their other fields.</summary>
    public long KeptWithoutId { get; init; }

    /// <summary>Kept without an ID over accepted.</summary>
    public double KeptWithoutIdShare { get; init; }

    /// <summary>Every mapped attribute's share of accepted rows carrying it.</summary>
    public IReadOnlyList<CompletenessFigure> Completeness { get; init; } = [];

    /// <summary>The mean of the attributes' completeness shares; null when not recorded.</summary>
    public double? MeanCompleteness { get; init; }

    /// <summary>Disagreement with the other departments per compared attribute.</summary>
    public IReadOnlyList<DisagreementFigure> Disagreements { get; init; } = [];

    /// <summary>Differing over compared, over all compared attributes; null when nothing was compared.</summary>
    public double? DisagreementRate { get; init; }

    /// <summary>The lag between a change's stated effective date and its arrival; null when not recorded.</summary>
    public ArrivalLag? Lag { get; init; }
}
