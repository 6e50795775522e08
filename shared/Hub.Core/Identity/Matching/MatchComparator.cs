namespace Hub.Core.Identity.Matching;

/// <summary>How a field of two records is compared; in rules files, camelCase (<c>jaroWinkler</c>).</summary>
public enum MatchComparator
{
    /// <summary>Equal values agree (<see cref="ComparisonLevel.Exact"/>), others differ. Names are compared as written, addresses folded.</summary>
    Exact = 1,

    /// <summary>Names agree when they fold to the same form (張三 and 张三).</summary>
    FoldedName,

    /// <summary>
    /// Folded names or addresses: equal is <see cref="ComparisonLevel.Exact"/>, a Jaro-Winkler similarity at or above
    /// the field's threshold is <see cref="ComparisonLevel.Similar"/>; so are names of as many characters that sound
    /// the same (张三 and 章三: the same toneless pinyin).
    /// </summary>
    JaroWinkler,

    /// <summary>
    /// Dates: equal is <see cref="ComparisonLevel.Exact"/>; the same year and month, day and month swapped, or (written
    /// as yyyyMMdd) one digit mistyped or two neighbouring digits swapped is <see cref="ComparisonLevel.Partial"/>.
    /// </summary>
    Date,

    /// <summary>
    /// Division codes: all 12 digits equal is <see cref="ComparisonLevel.Exact"/> (same community), the first 9
    /// <see cref="ComparisonLevel.Street"/>, the first 6 <see cref="ComparisonLevel.County"/>.
    /// </summary>
    DivisionPrefix,

    /// <summary>
    /// ID numbers and ID evidence: the same 17-character body is <see cref="ComparisonLevel.Exact"/>, one typing
    /// error apart <see cref="ComparisonLevel.OneEdit"/>, the same surviving leading digits
    /// <see cref="ComparisonLevel.Prefix"/>; anything else contradicts (<see cref="ComparisonLevel.Different"/>).
    /// </summary>
    IdEvidence,
}
