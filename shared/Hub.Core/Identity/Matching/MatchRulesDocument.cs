namespace Hub.Core.Identity.Matching;

/// <summary>
/// A rules file as written, before validation: names are kept as strings so that an unknown field, comparator or
/// level is reported with the field it belongs to instead of as a bare JSON conversion error.
/// </summary>
internal sealed class MatchRulesDocument
{
    public ThresholdsDocument? Thresholds { get; init; }

    public List<FieldDocument?>? Fields { get; init; }

    internal sealed class ThresholdsDocument
    {
        public double? Match { get; init; }

        public double? PossibleMatch { get; init; }

        public double? Rival { get; init; }
    }

    internal sealed class FieldDocument
    {
        public string? Field { get; init; }

        public string? Comparator { get; init; }

        public double? Similarity { get; init; }

        public Dictionary<string, LevelDocument?>? Levels { get; init; }

        public List<string>? BlocksAutoMatch { get; init; }
    }

    internal sealed class LevelDocument
    {
        public double? M { get; init; }

        public double? U { get; init; }
    }
}
