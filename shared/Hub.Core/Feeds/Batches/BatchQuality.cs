namespace Hub.Core.Feeds.Batches;

/// <summary>
/// A completed batch's data-quality figures, tallied while its rows were read and merged and recorded with the batch,
/// so a department's figures over time are its batches read back, never a scan of the facts.
/// </summary>
public sealed record BatchQuality
{
    /// <summary>Rows accepted (kept as facts, with or without an ID number).</summary>
    public long Accepted { get; init; }

    /// <summary>Rows rejected per field and reason; a row with two problems counts under both.</summary>
    public IReadOnlyList<ReasonTally> Rejections { get; init; } = [];

    /// <summary>For every mapped attribute, how many accepted rows carry a value of it.</summary>
    public IReadOnlyList<AttributeTally> Completeness { get; init; } = [];

    /// <summary>
    /// For the compared attributes, how many persons this batch sent a value for that another department also holds,
    /// and how many of those values differ from the other department's.
    /// </summary>
    public IReadOnlyList<AgreementTally> Agreements { get; init; } = [];

    /// <summary>How long after their stated effective date the changes of this batch arrived.</summary>
    public ArrivalLag Lag { get; init; } = new();
}
