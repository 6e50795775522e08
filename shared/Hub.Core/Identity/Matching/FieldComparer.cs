using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>Applies a field's comparator to two records.</summary>
internal static class FieldComparer
{
    public static ComparisonLevel Compare(MatchFieldRule rule, MatchRecord incoming, MatchRecord candidate) => rule.Field switch
    {
        MatchField.Name => NameComparison.Compare(rule, incoming, candidate),
        MatchField.BirthDate => BirthDate(rule.Comparator, incoming.BirthDate, candidate.BirthDate),
        MatchField.Sex => Exact(incoming.Sex, candidate.Sex),
        MatchField.ResidenceDivision => Division(rule.Comparator, incoming.ResidenceDivision, candidate.ResidenceDivision),
        MatchField.RegistrationDivision => Division(rule.Comparator, incoming.RegistrationDivision, candidate.RegistrationDivision),
        MatchField.ResidenceAddress => rule.Comparator switch
        {
            MatchComparator.JaroWinkler => Similar(rule, incoming.FoldedAddress, candidate.FoldedAddress),
            MatchComparator.Address => AddressComparison.Compare(incoming, candidate),
            _ => Exact(incoming.FoldedAddress, candidate.FoldedAddress),
        },
        MatchField.Phone => Exact(incoming.Phone, candidate.Phone),
        MatchField.ResidentId => IdComparison.Compare(incoming, candidate),
        _ => throw new InvalidOperationException($"Field {rule.Field} has no comparison."),
    };

    // Folded values: equal, or as similar as the field's threshold asks (Jaro-Winkler over characters).
    private static ComparisonLevel Similar(MatchFieldRule rule, string? a, string? b) =>
        a is null || b is null ? ComparisonLevel.Missing
        : string.Equals(a, b, StringComparison.Ordinal) ? ComparisonLevel.Exact
        : JaroWinkler.Similarity(a, b) >= rule.Similarity ? ComparisonLevel.Similar
        : ComparisonLevel.Different;

    private static ComparisonLevel BirthDate(MatchComparator comparator, DateOnly? incoming, DateOnly? candidate)
    {
        if (incoming is not { } a || candidate is not { } b)
        {
            return ComparisonLevel.Missing;
        }

        if (a == b)
        {
            return ComparisonLevel.Exact;
        }

        var partial = comparator == MatchComparator.Date
            && ((a.Year == b.Year && (a.Month == b.Month || (a.Month == b.Day && a.Day == b.Month))) || OneTypoApart(a, b));
        return partial ? ComparisonLevel.Partial : ComparisonLevel.Different;
    }

    // Written as yyyyMMdd, one digit mistyped or two neighbours swapped: 19850302 and 19580302, 19850312.
    private static bool OneTypoApart(DateOnly a, DateOnly b)
    {
        Span<char> x = stackalloc char[8];
        Span<char> y = stackalloc char[8];
        a.TryFormat(x, out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        b.TryFormat(y, out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        var first = -1;
        var differing = 0;
        for (var i = 0; i < 8; i++)
        {
            if (x[i] != y[i])
            {
                first = first < 0 ? i : first;
                differing++;
            }
        }

        return differing == 1
            || (differing == 2 && first < 7 && x[first] == y[first + 1] && x[first + 1] == y[first]);
    }

    private static ComparisonLevel Division(MatchComparator comparator, DivisionCode? incoming, DivisionCode? candidate)
    {
        if (incoming is not { } a || candidate is not { } b)
        {
            return ComparisonLevel.Missing;
        }

        if (a == b)
        {
            return ComparisonLevel.Exact;
        }

        if (comparator != MatchComparator.DivisionPrefix)
        {
            return ComparisonLevel.Different;
        }

        return string.Equals(a.Street, b.Street, StringComparison.Ordinal) ? ComparisonLevel.Street
            : string.Equals(a.County, b.County, StringComparison.Ordinal) ? ComparisonLevel.County
            : ComparisonLevel.Different;
    }

    private static ComparisonLevel Exact<T>(T? incoming, T? candidate)
        where T : struct => incoming is { } a && candidate is { } b
            ? (EqualityComparer<T>.Default.Equals(a, b) ? ComparisonLevel.Exact : ComparisonLevel.Different)
            : ComparisonLevel.Missing;

    private static ComparisonLevel Exact(string? incoming, string? candidate) => incoming is null || candidate is null
        ? ComparisonLevel.Missing
        : string.Equals(incoming, candidate, StringComparison.Ordinal) ? ComparisonLevel.Exact : ComparisonLevel.Different;
}
