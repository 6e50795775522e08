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
    /// the same (张三 and 章三: the same toneless pinyin), and names one character apart (added, left out, or replaced
    /// but for the first) where the longer has three or more (李刚 and 李志刚, 杨德明 and 杨刘明).
    /// </summary>
    JaroWinkler,

    /// <summary>
    /// Names as <see cref="JaroWinkler"/> compares them (exact, similar or different), and, of the names it calls
    /// different, those that sound close: as many characters, all read alike in toneless pinyin but one, whose reading
    /// is one letter from the other's (李明 and 李敏, <c>ming</c> and <c>min</c>; 陈 <c>chen</c> read for 阵 <c>zhen</c>)
    /// are <see cref="ComparisonLevel.Close"/>, which the rules can weigh less than similar.
    /// </summary>
    Pinyin,

    /// <summary>
    /// Addresses: folded and equal is <see cref="ComparisonLevel.Exact"/>; one the other abbreviated (the city,
    /// district or street left out in front, 社区 left out, 号院 written 号) is <see cref="ComparisonLevel.Similar"/>;
    /// a different address counts only where the residence divisions do not differ too (else it is
    /// <see cref="ComparisonLevel.Missing"/>: the division already says the person moved or is someone else).
    /// </summary>
    Address,

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
