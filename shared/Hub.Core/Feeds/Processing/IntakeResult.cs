using Hub.Core.Feeds.Batches;

namespace Hub.Core.Feeds.Processing;

/// <summary>The outcome of pushing a feed.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Batch">The batch that carries the payload, for <see cref="IntakeOutcome.Accepted"/> and <see cref="IntakeOutcome.Duplicate"/>.</param>
public sealed record IntakeResult(IntakeOutcome Outcome, FeedBatch? Batch = null)
{
    /// <summary>The body was empty.</summary>
    public static IntakeResult Empty { get; } = new(IntakeOutcome.Empty);

    /// <summary>The body was larger than the configured limit.</summary>
    public static IntakeResult TooLarge { get; } = new(IntakeOutcome.TooLarge);

    /// <summary>An earlier push of the same payload is half-recorded; pushing again will succeed.</summary>
    public static IntakeResult Retry { get; } = new(IntakeOutcome.Retry);

    /// <summary>The body ended before its declared length.</summary>
    public static IntakeResult Incomplete { get; } = new(IntakeOutcome.Incomplete);

    /// <summary>A new batch was opened.</summary>
    public static IntakeResult Accepted(FeedBatch batch) => new(IntakeOutcome.Accepted, batch);

    /// <summary>The payload repeats an earlier batch's.</summary>
    public static IntakeResult Duplicate(FeedBatch batch) => new(IntakeOutcome.Duplicate, batch);
}
