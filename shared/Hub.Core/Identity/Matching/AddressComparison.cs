namespace Hub.Core.Identity.Matching;

/// <summary>
/// Compares two folded addresses the way clerks shorten them: the city, district or street left out in front
/// (北京市朝阳区建外街道光华里… written 光华里…), 社区 left out of the community's name, 号院 written 号. Only the
/// front may be left out: two addresses that differ at the end (another building, unit or room) are neighbours, not
/// one address, and stay different.
/// </summary>
internal static class AddressComparison
{
    // What ends the administrative part a clerk may leave out in front: province, city, district, county, banner,
    // street office, town, township.
    private static readonly string[] AdministrativeEnds = ["省", "市", "区", "县", "旗", "街道", "镇", "乡"];

    /// <summary>
    /// The records' addresses compared as <see cref="Compare(string?, string?)"/> compares them, except that a different
    /// address is <see cref="ComparisonLevel.Missing"/> when both residence divisions are known and differ: the person
    /// moved, or they are two people in two places, and the division's own level already counts that once.
    /// </summary>
    public static ComparisonLevel Compare(MatchRecord incoming, MatchRecord candidate)
    {
        var level = Compare(incoming.FoldedAddress, candidate.FoldedAddress);
        var elsewhere = incoming.ResidenceDivision is { } a && candidate.ResidenceDivision is { } b && a != b;
        return level == ComparisonLevel.Different && elsewhere ? ComparisonLevel.Missing : level;
    }

    /// <summary>
    /// <see cref="ComparisonLevel.Exact"/> for equal folded addresses, <see cref="ComparisonLevel.Similar"/> when one is
    /// the other shortened, <see cref="ComparisonLevel.Different"/> otherwise, <see cref="ComparisonLevel.Missing"/>
    /// when either has none.
    /// </summary>
    public static ComparisonLevel Compare(string? incoming, string? candidate)
    {
        if (incoming is null || candidate is null)
        {
            return ComparisonLevel.Missing;
        }

        if (string.Equals(incoming, candidate, StringComparison.Ordinal))
        {
            return ComparisonLevel.Exact;
        }

        var a = Canonical(incoming);
        var b = Canonical(candidate);
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var shortened = shorter.Length > 0 && longer.EndsWith(shorter, StringComparison.Ordinal)
            && (shorter.Length == longer.Length || EndsAdministrative(longer.AsSpan(0, longer.Length - shorter.Length)));
        return shortened ? ComparisonLevel.Similar : ComparisonLevel.Different;
    }

    // The spellings that differ without meaning anything: 社区 after a community's name, 号院 for a compound's number.
    private static string Canonical(string address) =>
        address.Replace("社区", string.Empty, StringComparison.Ordinal).Replace("号院", "号", StringComparison.Ordinal);

    private static bool EndsAdministrative(ReadOnlySpan<char> head)
    {
        foreach (var end in AdministrativeEnds)
        {
            if (head.EndsWith(end, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
