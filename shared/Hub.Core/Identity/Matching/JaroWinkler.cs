namespace Hub.Core.Identity.Matching;

/// <summary>
/// Jaro-Winkler similarity (Winkler 1990, prefix scale 0.1, at most 4 prefix characters), over Unicode code
/// points so that a supplementary-plane character counts as one character of a name.
/// </summary>
internal static class JaroWinkler
{
    public static double Similarity(string first, string second)
    {
        var a = first.EnumerateRunes().Select(r => r.Value).ToArray();
        var b = second.EnumerateRunes().Select(r => r.Value).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[j])
            {
                j++;
            }

            if (a[i] != b[j])
            {
                transpositions++;
            }

            j++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
