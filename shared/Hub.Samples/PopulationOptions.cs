namespace Hub.Samples;

/// <summary>What population to generate. The same options always give the same people.</summary>
public sealed record PopulationOptions
{
    /// <summary>Seed of the random draw; nothing else (no clock) varies the result.</summary>
    public int Seed { get; init; } = 20250630;

    /// <summary>How many people; households are shaped so that the total is exact.</summary>
    public int People { get; init; } = 3000;

    /// <summary>"Today" for the generated world: ages, validity dates and contracts are relative to it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2025, 6, 30);

    /// <summary>
    /// Share of two-child families whose children are twins (same birth date, address code and household, different
    /// names), from 0 to 1. About 6% by default; the quality preset raises it so that twins are common enough in
    /// the feeds to test whether matching keeps them apart.
    /// </summary>
    public double TwinRate { get; init; } = 0.06;

    /// <summary>
    /// A source every household is made relevant to (everyone gets assistance, a disability certificate or a
    /// tenancy), so a large feed of that source needs few generated people per row.
    /// </summary>
    internal string? Focus { get; init; }
}