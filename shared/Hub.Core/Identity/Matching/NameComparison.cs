namespace Hub.Core.Identity.Matching;

/// <summary>
/// Compares two folded names the ways clerks get them wrong: a homophone typed by a pinyin input method (张三 and
/// 章三), the given name written first (伟张 for 张伟), a character added, left out or replaced (one character apart,
/// or Jaro-Winkler over the characters), and a character taken for one that sounds close (李明 and 李敏).
/// </summary>
internal static class NameComparison
{
    /// <summary>
    /// <see cref="ComparisonLevel.Exact"/>, <see cref="ComparisonLevel.Similar"/>, for <see cref="MatchComparator.Pinyin"/>
    /// <see cref="ComparisonLevel.Close"/>, or <see cref="ComparisonLevel.Different"/>; <see cref="ComparisonLevel.Missing"/>
    /// when either record has no name.
    /// </summary>
    public static ComparisonLevel Compare(MatchFieldRule rule, MatchRecord incoming, MatchRecord candidate)
    {
        if (incoming.FoldedName is not { } a || candidate.FoldedName is not { } b)
        {
            return ComparisonLevel.Missing;
        }

        return rule.Comparator switch
        {
            MatchComparator.Exact => string.Equals(incoming.Name, candidate.Name, StringComparison.Ordinal) ? ComparisonLevel.Exact : ComparisonLevel.Different,
            MatchComparator.JaroWinkler => Similar(rule, incoming, candidate) ?? ComparisonLevel.Different,
            MatchComparator.Pinyin => Similar(rule, incoming, candidate) ?? (SoundClose(a, b) ? ComparisonLevel.Close : ComparisonLevel.Different),
            _ => string.Equals(a, b, StringComparison.Ordinal) ? ComparisonLevel.Exact : ComparisonLevel.Different,
        };
    }

    /// <summary>
    /// True when the names have as many readings, all alike but one, and that one is a single letter from the other
    /// (added, left out, replaced, or two neighbours swapped): the front and back nasals (min, ming), the retroflex
    /// initials written flat (zhang, zang), and look-alike characters that read close (陈 chen, 阵 zhen).
    /// </summary>
    internal static bool SoundClose(string foldedA, string foldedB)
    {
        if (foldedA.Length != foldedB.Length)
        {
            return false;
        }

        var a = PinyinFolding.Readings(foldedA);
        var b = PinyinFolding.Readings(foldedB);
        if (a.Count != b.Count || a.Count < 2)
        {
            return false;
        }

        var differing = -1;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                if (differing >= 0)
                {
                    return false;
                }

                differing = i;
            }
        }

        return differing >= 0 && IdComparison.OptimalStringAlignment(a[differing], b[differing], limit: 1) == 1;
    }

    // Equal folded names; or a homophone of as many characters; or the same characters in another order; or as
    // similar over the characters as the rule's threshold. Null when none holds.
    private static ComparisonLevel? Similar(MatchFieldRule rule, MatchRecord incoming, MatchRecord candidate)
    {
        var a = incoming.FoldedName!;
        var b = candidate.FoldedName!;
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return ComparisonLevel.Exact;
        }

        var sameSound = incoming.PhoneticName is { } p && string.Equals(p, candidate.PhoneticName, StringComparison.Ordinal);
        return (a.Length == b.Length && (sameSound || Reordered(a, b))) || OneCharacterApart(a, b) || JaroWinkler.Similarity(a, b) >= rule.Similarity
            ? ComparisonLevel.Similar
            : null;
    }

    /// <summary>
    /// True when one name is the other with one character added, left out or replaced, and the longer has at least
    /// three: 李刚 and 李志刚, 丽娟 and 刘丽娟, 杨德明 and 杨刘明 (Jaro-Winkler gives 0.65, 0 and just under 0.8). Not
    /// when both have two characters (王芳 and 王丽, 刘军 and 刘车: as often sisters or namesakes as a typing error), nor
    /// when only the first character differs (徐志刚 and 张志刚: another surname with a common given name).
    /// </summary>
    internal static bool OneCharacterApart(string foldedA, string foldedB)
    {
        var a = foldedA.EnumerateRunes().Select(r => r.Value).ToArray();
        var b = foldedB.EnumerateRunes().Select(r => r.Value).ToArray();
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.Length < 3 || longer.Length - shorter.Length > 1)
        {
            return false;
        }

        var start = 0;
        while (start < shorter.Length && shorter[start] == longer[start])
        {
            start++;
        }

        if (start == longer.Length)
        {
            return false;
        }

        // A replaced first character is another surname with the same given name (徐志刚, 张志刚), common by chance.
        var skip = shorter.Length == longer.Length ? 1 : 0;
        if (skip == 1 && start == 0)
        {
            return false;
        }

        // What follows the first difference must agree: the rest of the longer after the added or replaced character.
        return shorter.AsSpan(start + skip).SequenceEqual(longer.AsSpan(start + 1));
    }

    // The same characters in another order: the given name first (伟张, 建国张), or two neighbours swapped.
    private static bool Reordered(string a, string b)
    {
        // Cheap refusals first: most names compared share neither their first nor their last character.
        if (a.Length != b.Length || (a.IndexOf(b[0], StringComparison.Ordinal) < 0) || (b.IndexOf(a[0], StringComparison.Ordinal) < 0))
        {
            return false;
        }

        var x = a.EnumerateRunes().Select(r => r.Value).Order().ToArray();
        var y = b.EnumerateRunes().Select(r => r.Value).Order().ToArray();
        return x.AsSpan().SequenceEqual(y);
    }
}
