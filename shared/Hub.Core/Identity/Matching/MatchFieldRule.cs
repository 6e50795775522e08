namespace Hub.Core.Identity.Matching;

/// <summary>One field of the match rules: what is compared, how, and what each level of agreement weighs.</summary>
public sealed class MatchFieldRule
{
    private static readonly Dictionary<MatchField, MatchComparator[]> Applicable = new()
    {
        [MatchField.Name] = [MatchComparator.Exact, MatchComparator.FoldedName, MatchComparator.JaroWinkler, MatchComparator.Pinyin],
        [MatchField.BirthDate] = [MatchComparator.Exact, MatchComparator.Date],
        [MatchField.Sex] = [MatchComparator.Exact],
        [MatchField.ResidenceDivision] = [MatchComparator.Exact, MatchComparator.DivisionPrefix],
        [MatchField.RegistrationDivision] = [MatchComparator.Exact, MatchComparator.DivisionPrefix],
        [MatchField.ResidenceAddress] = [MatchComparator.Exact, MatchComparator.JaroWinkler, MatchComparator.Address],
        [MatchField.Phone] = [MatchComparator.Exact],
        [MatchField.ResidentId] = [MatchComparator.IdEvidence],
    };

    private static readonly Dictionary<MatchComparator, ComparisonLevel[]> Produced = new()
    {
        [MatchComparator.Exact] = [ComparisonLevel.Exact, ComparisonLevel.Different],
        [MatchComparator.FoldedName] = [ComparisonLevel.Exact, ComparisonLevel.Different],
        [MatchComparator.JaroWinkler] = [ComparisonLevel.Exact, ComparisonLevel.Similar, ComparisonLevel.Different],
        [MatchComparator.Pinyin] = [ComparisonLevel.Exact, ComparisonLevel.Similar, ComparisonLevel.Close, ComparisonLevel.Different],
        [MatchComparator.Address] = [ComparisonLevel.Exact, ComparisonLevel.Similar, ComparisonLevel.Different],
        [MatchComparator.Date] = [ComparisonLevel.Exact, ComparisonLevel.Partial, ComparisonLevel.Different],
        [MatchComparator.DivisionPrefix] = [ComparisonLevel.Exact, ComparisonLevel.Street, ComparisonLevel.County, ComparisonLevel.Different],
        [MatchComparator.IdEvidence] = [ComparisonLevel.Exact, ComparisonLevel.OneEdit, ComparisonLevel.Prefix, ComparisonLevel.Different],
    };

    internal MatchFieldRule(MatchField field, MatchComparator comparator, double similarity, IReadOnlyDictionary<ComparisonLevel, LevelWeights> levels, IReadOnlySet<ComparisonLevel> blocksAutoMatch)
    {
        Field = field;
        Comparator = comparator;
        Similarity = similarity;
        Levels = levels;
        BlocksAutoMatch = blocksAutoMatch;
    }

    /// <summary>The field compared.</summary>
    public MatchField Field { get; }

    /// <summary>How it is compared.</summary>
    public MatchComparator Comparator { get; }

    /// <summary>For <see cref="MatchComparator.JaroWinkler"/> and <see cref="MatchComparator.Pinyin"/>: the Jaro-Winkler similarity from which folded values count as similar; 0 otherwise.</summary>
    public double Similarity { get; }

    /// <summary>The m and u probabilities of every level the comparator produces.</summary>
    public IReadOnlyDictionary<ComparisonLevel, LevelWeights> Levels { get; }

    /// <summary>
    /// Levels that rule out an automatic link whatever the score, e.g. names that disagree: the candidate can still
    /// go to the steward. (An ID contradiction always rules it out, configured or not.)
    /// </summary>
    public IReadOnlySet<ComparisonLevel> BlocksAutoMatch { get; }

    /// <summary>The comparators that can compare <paramref name="field"/>.</summary>
    public static IReadOnlyList<MatchComparator> ComparatorsFor(MatchField field) => Applicable[field];

    /// <summary>The levels <paramref name="comparator"/> produces; each needs m and u in a rules file.</summary>
    public static IReadOnlyList<ComparisonLevel> LevelsOf(MatchComparator comparator) => Produced[comparator];

    /// <summary>What <paramref name="level"/> adds to a score: log2(m/u), or 0 for <see cref="ComparisonLevel.Missing"/>.</summary>
    public double WeightOf(ComparisonLevel level) => level == ComparisonLevel.Missing ? 0 : Levels[level].Weight;
}
