namespace Hub.Samples;

/// <summary>How sample feeds are cut: how many rows carry a mistake, and which mistakes may be used.</summary>
public sealed record FeedWriterOptions
{
    /// <summary>Share of rows that carry exactly one mistake, from 0 to 1; exactly round(rate × rows) rows do.</summary>
    public double MistakeRate { get; init; } = 0.02;

    /// <summary>The mistakes that may be injected; null for all. A row where none applies stays clean.</summary>
    public IReadOnlySet<MistakeKind>? Mistakes { get; init; }
}