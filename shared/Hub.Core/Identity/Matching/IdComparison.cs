namespace Hub.Core.Identity.Matching;

/// <summary>
/// Compares what two records know of their ID numbers: valid numbers, whole numbers typed wrong, or the leading
/// digits that survived a spreadsheet.
/// </summary>
internal static class IdComparison
{
    /// <summary>
    /// <see cref="ComparisonLevel.Exact"/> for the same 17-character body, <see cref="ComparisonLevel.OneEdit"/>
    /// for one typing error, <see cref="ComparisonLevel.Prefix"/> when only surviving leading digits can be compared
    /// and they agree, <see cref="ComparisonLevel.Different"/> for a contradiction, and
    /// <see cref="ComparisonLevel.Missing"/> when either side knows nothing.
    /// </summary>
    public static ComparisonLevel Compare(MatchRecord first, MatchRecord second)
    {
        if (Known(first) is not { } a || Known(second) is not { } b)
        {
            return ComparisonLevel.Missing;
        }

        // Two unusable numbers may each carry one typing error: two edits apart, they may still be one number, so
        // the comparison says nothing rather than contradict. A valid number has no error of its own.
        var tolerance = first.ResidentId is null && second.ResidentId is null ? 2 : 1;
        if (a.Complete && b.Complete)
        {
            if (a.Digits.Length >= 17 && b.Digits.Length >= 17 && a.Digits.AsSpan(0, 17).SequenceEqual(b.Digits.AsSpan(0, 17)))
            {
                return ComparisonLevel.Exact;
            }

            return OptimalStringAlignment(a.Digits, b.Digits, limit: tolerance) switch
            {
                <= 1 => ComparisonLevel.OneEdit,
                var distance when distance <= tolerance => ComparisonLevel.Missing,
                _ => ComparisonLevel.Different,
            };
        }

        var length = Math.Min(a.Digits.Length, b.Digits.Length);
        var mismatches = 0;
        for (var i = 0; i < length; i++)
        {
            mismatches += a.Digits[i] == b.Digits[i] ? 0 : 1;
        }

        return mismatches == 0 ? ComparisonLevel.Prefix
            : mismatches < tolerance ? ComparisonLevel.Missing
            : ComparisonLevel.Different;
    }

    /// <summary>True when both records carry valid ID numbers and they differ: two people, whatever else agrees.</summary>
    public static bool AreDifferentValidIds(MatchRecord first, MatchRecord second) =>
        first.ResidentId is { } a && second.ResidentId is { } b && a != b;

    private static (string Digits, bool Complete)? Known(MatchRecord record) =>
        record.ResidentId is { } id ? (id.Value, true)
        : record.IdEvidence is { } evidence ? (evidence.Digits, evidence.IsComplete)
        : null;

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment), stopping early above <paramref name="limit"/>.</summary>
    internal static int OptimalStringAlignment(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
