using System.Globalization;
using System.Text;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// Candidate search ("blocking", as HAPI FHIR MDM's <c>candidateSearchParams</c>): a few keys per record, such that
/// two records of one person very likely share at least one, while a key is shared by few other people. Candidates
/// are the people filed under any key of the incoming record, wherever in the city they live.
/// </summary>
/// <remarks>
/// Each key leaves out a different field, so a record with one field mistyped, missing or out of date still meets its
/// person through the others: the birth date alone (a misspelt name, a homophone, given name first, another or no
/// division); the name's sound and the county (a birth date mistyped or missing, as in exports that carry none); the
/// name's sound with one syllable left out and the community (a character added, left out or replaced, with no birth
/// date); the name's sound and the dwelling (no division, no birth date); the phone; and what survives of an ID
/// number. None needs the sex or a street. The keys are personal data: the index stores an HMAC of each with the
/// Hub's pepper, never the key itself, and they are never logged.
/// </remarks>
public static class BlockingKeys
{
    /// <summary>
    /// The keys of <paramref name="record"/>, without duplicates, in a fixed order:
    /// <list type="bullet">
    /// <item><c>b|</c> the birth date (from the ID evidence when the record has none of its own);</item>
    /// <item><c>pc|</c> the name's toneless pinyin syllables, sorted, and the county (first 6 digits) of each division
    /// the record names: finds 张三 typed as 章三 or written 三张, with or without a birth date;</item>
    /// <item><c>pn|</c> for a name of two or more syllables, its sorted syllables and, from three, the same with each
    /// syllable left out in turn, with each community (all 12 digits) the record names: 李志刚 typed 李刚 or 李志钢刚,
    /// 杨德明 typed 杨刘明, meet in one community without a birth date;</item>
    /// <item><c>pa|</c> the name's sorted syllables and the dwelling (<see cref="Dwelling"/>): a record without a
    /// division meets its person's at the address they share, with or without a birth date;</item>
    /// <item><c>t|</c> the phone;</item>
    /// <item><c>is|</c> the ID's address code with its last four characters (sequence and check), from a valid number
    /// or one typed whole: finds a number whose birth-date digits were mistyped.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> For(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>(10);
        if ((record.BirthDate ?? record.IdEvidence?.BirthDate) is { } birth)
        {
            keys.Add("b|" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        if (record.FoldedName is { Length: > 0 } name)
        {
            var syllables = SortedSyllables(name);
            var sound = string.Join(' ', syllables);
            DivisionCode?[] divisions = [record.ResidenceDivision, record.RegistrationDivision];
            var known = divisions.OfType<DivisionCode>().ToList();
            foreach (var county in known.Select(d => d.County).Distinct(StringComparer.Ordinal))
            {
                keys.Add($"pc|{sound}|{county}");
            }

            var neighbourhood = Neighbourhood(syllables);
            foreach (var community in known.Select(d => d.Value).Distinct(StringComparer.Ordinal))
            {
                keys.AddRange(neighbourhood.Select(variant => $"pn|{variant}|{community}"));
            }

            if (Dwelling(record.FoldedAddress) is { } dwelling)
            {
                keys.Add($"pa|{sound}|{dwelling}");
            }
        }

        if (record.Phone is { Length: > 0 } phone)
        {
            keys.Add("t|" + phone);
        }

        var id = record.ResidentId?.Value ?? (record.IdEvidence is { IsComplete: true, Digits.Length: 18 } evidence ? evidence.Digits : null);
        if (id is not null)
        {
            keys.Add($"is|{id[..6]}{id[14..]}");
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The dwelling a folded address names: from the two characters before its first digit (the end of the road's
    /// name) to its end, with 号院 written 号; null for an address without a digit. It is what survives when a clerk
    /// leaves out the city, district, street or community in front (北京市朝阳区建外街道光华里社区工体北路57号院3号楼
    /// and 光华里工体北路57号3号楼 both give 北路57号3号楼); a household shares it, few others do.
    /// </summary>
    internal static string? Dwelling(string? foldedAddress)
    {
        if (foldedAddress is null)
        {
            return null;
        }

        var canonical = foldedAddress.Replace("号院", "号", StringComparison.Ordinal);
        var digit = canonical.AsSpan().IndexOfAnyInRange('0', '9');
        return digit < 0 ? null : canonical[Math.Max(0, digit - 2)..];
    }

    // The toneless pinyin of each character, sorted: a name written given name first has the same sound keys.
    private static List<string> SortedSyllables(string foldedName)
    {
        var table = PinyinTable.Instance;
        return foldedName.EnumerateRunes()
            .Select(r => table.Reading(r.Value) ?? Rune.ToLowerInvariant(r).ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // The sound and, from three syllables, the sound with each syllable left out in turn (a deletion neighbourhood):
    // two names one character apart share one of them (added or left out: the shorter's sound is one of the longer's
    // variants; replaced: both leave it out). A name of one syllable has none, and a name of two leaves no variants,
    // because one syllable alone is mostly a surname, shared by a tenth of a community.
    private static List<string> Neighbourhood(List<string> syllables)
    {
        if (syllables.Count < 2)
        {
            return [];
        }

        var sounds = new List<string> { string.Join(' ', syllables) };
        if (syllables.Count >= 3)
        {
            sounds.AddRange(Enumerable.Range(0, syllables.Count).Select(left => string.Join(' ', syllables.Where((_, i) => i != left))));
        }

        return sounds.Distinct(StringComparer.Ordinal).ToList();
    }
}
