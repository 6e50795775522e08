namespace Hub.Core.Profiles;

/// <summary>Orders facts for survivorship: current before ended, most recently updated first, then a fixed tie-break.</summary>
internal static class FactOrder
{
    /// <summary>
    /// A fact ended by a snapshot before <paramref name="today"/> is no longer what its department says; and its
    /// <see cref="FactView.UpdatedAt"/> is when it ended, not when its values changed, so it must not pass for recent.
    /// </summary>
    public static bool IsCurrent(FactView fact, DateOnly today, ProfileRules rules) =>
        fact.EndedAt is not { } ended || rules.DayOf(ended) > today;

    /// <summary>Sorts <paramref name="facts"/> so the first is the one whose value survives among equally authoritative facts.</summary>
    public static IOrderedEnumerable<FactView> ByRecency(IEnumerable<FactView> facts, DateOnly today, ProfileRules rules) =>
        ThenByRecency(facts.OrderBy(_ => 0), today, rules);

    /// <summary>Continues an ordering with <see cref="ByRecency"/>'s keys; ties end on source, discriminator and batch so the result never depends on input order.</summary>
    public static IOrderedEnumerable<FactView> ThenByRecency(IOrderedEnumerable<FactView> ordered, DateOnly today, ProfileRules rules) =>
        ordered
            .ThenBy(f => IsCurrent(f, today, rules) ? 0 : 1)
            .ThenByDescending(f => f.UpdatedAt)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ThenBy(f => f.Discriminator, StringComparer.Ordinal)
            .ThenBy(f => f.LastBatch, StringComparer.Ordinal);

    /// <summary>The provenance of a value taken from <paramref name="fact"/>.</summary>
    public static Provenance ProvenanceOf(FactView fact, ProfileRules rules) => new(fact.Source, fact.LastBatch, rules.DayOf(fact.UpdatedAt));
}
