namespace Hub.Samples.Quality;

/// <summary>Which feeds the quality harness cuts from its population.</summary>
public enum QualityPresetName
{
    /// <summary>The departments' everyday mistakes: ID problems, stale residences and phones, traditional characters (<see cref="QualityPreset"/>).</summary>
    Standard = 1,

    /// <summary>The standard feeds, then corrupted as public record-linkage benchmarks corrupt theirs (<see cref="Corruption.CorruptionRates"/>).</summary>
    Hard,
}
