using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>What the simulated Hub did with one row without a usable ID.</summary>
/// <param name="Labels">The kinds of row it counts under.</param>
/// <param name="Truth">The generated person it is about.</param>
/// <param name="Outcome">The matcher's last decision about it, judged against the truth.</param>
/// <param name="KnownOnArrival">True when the index held a record of its person when it arrived.</param>
/// <param name="Person">The indexed person it ended in: the one it was linked to, or its own provisional person.</param>
/// <param name="QueuedWith">The candidates a steward is shown, for a possible match; empty otherwise.</param>
internal sealed record MatchedRow(IReadOnlyList<string> Labels, int Truth, RowOutcome Outcome, bool KnownOnArrival, PersonKey Person, IReadOnlyList<PersonKey> QueuedWith)
{
    /// <summary>The matcher's decision when the row arrived, before any later batch matched it again.</summary>
    public RowOutcome ArrivalOutcome { get; init; } = Outcome;
}
