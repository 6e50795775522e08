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
/// phone; and what survives of an ID number. None needs the sex or a street. The keys are personal data: the index
/// stores an HMAC of each with the Hub's pepper, never the key itself, and they are never logged.
/// </remarks>
public static class BlockingKeys
{
    /// <summary>
    /// The keys of <paramref name="record"/>, without duplicates, in a fixed order:
    /// <list type="bullet">
    /// <item><c>b|</c> the birth date (from the ID evidence when the record has none of its own);</item>
    /// <item><c>pc|</c> the name's toneless pinyin syllables, sorted, and the county (first 6 digits) of each division
    /// the record names: finds 张三 typed as 章三 or written 三张, with or without a birth date;</item>
    /// <item><c>t|</c> the phone;</item>
    /// <item><c>is|</c> the ID's address code with its last four characters (sequence and check), from a valid number
    /// or one typed whole: finds a number whose birth-date digits were mistyped.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> For(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>(5);
        if ((record.BirthDate ?? record.IdEvidence?.BirthDate) is { } birth)
        {
            keys.Add("b|" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        if (record.FoldedName is { Length: > 0 } name)
        {
            var sound = Syllables(name);
            DivisionCode?[] divisions = [record.ResidenceDivision, record.RegistrationDivision];
            foreach (var county in divisions.OfType<DivisionCode>().Select(d => d.County).Distinct(StringComparer.Ordinal))
            {
                keys.Add($"pc|{sound}|{county}");
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

    // The toneless pinyin of each character, sorted: a name written given name first has the same sound key.
    private static string Syllables(string foldedName)
    {
        var table = PinyinTable.Instance;
        var syllables = foldedName.EnumerateRunes()
            .Select(r => table.Reading(r.Value) ?? Rune.ToLowerInvariant(r).ToString())
            .Order(StringComparer.Ordinal);
        return string.Join(' ', syllables);
    }
}
