using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// Candidate search ("blocking", as HAPI FHIR MDM's <c>candidateSearchParams</c>): a few keys per record, such that
/// two records of one person very likely share at least one, while a key is shared by few other people. Candidates
/// are the people indexed under any key of the incoming record, anywhere in the city.
/// </summary>
/// <remarks>
/// Each key survives a different kind of clerk's mistake, so a pair of records needs only one of them intact: a name
/// spelled differently still meets on birth date and county, a birth date mistyped on name and county, a move to
/// another district on name and birth date, a mangled ID number on what is left of its digits. None needs the sex,
/// and none is scoped to a street, so a person whose departments hold different streets is still found. The keys are
/// personal data: the index stores an HMAC of each with the Hub's pepper, never the key itself, and they are never
/// logged.
/// </remarks>
public static class BlockingKeys
{
    /// <summary>
    /// The keys of <paramref name="record"/>, without duplicates, in a fixed order:
    /// <list type="bullet">
    /// <item><c>nb|</c> folded name and birth date;</item>
    /// <item><c>bc|</c> birth date and county (the first 6 digits of the residence and of the registration division);</item>
    /// <item><c>nc|</c> folded name and county, for a record without a birth date or with a wrong one;</item>
    /// <item><c>ph|</c> phone number (7 digits or more);</item>
    /// <item><c>ia|</c> the first 14 digits of the ID number or of what is left of it (address code and birth date);</item>
    /// <item><c>is|</c> its digits 7 to 17 (birth date and sequence), for a number whose address code was mistyped.</item>
    /// </list>
    /// A birth date missing from the attributes is taken from the ID or its evidence when they carry one.
    /// </summary>
    public static IReadOnlyList<string> For(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>(8);
        var name = record.FoldedName;
        var birth = (record.BirthDate ?? record.IdEvidence?.BirthDate)?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counties = Counties(record);
        if (name is not null && birth is not null)
        {
            keys.Add($"nb|{name}|{birth}");
        }

        foreach (var county in counties)
        {
            if (birth is not null)
            {
                keys.Add($"bc|{birth}|{county}");
            }

            if (name is not null)
            {
                keys.Add($"nc|{name}|{county}");
            }
        }

        if (record.Phone is { Length: >= 7 } phone)
        {
            keys.Add($"ph|{phone}");
        }

        var digits = record.ResidentId?.Value ?? record.IdEvidence?.Digits;
        if (digits is { Length: >= 14 })
        {
            keys.Add($"ia|{digits[..14]}");
        }

        if (digits is { Length: >= 17 })
        {
            keys.Add($"is|{digits[6..17]}");
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Counties(MatchRecord record)
    {
        DivisionCode?[] divisions = [record.ResidenceDivision, record.RegistrationDivision];
        return divisions.OfType<DivisionCode>().Select(d => d.County).Distinct(StringComparer.Ordinal);
    }
}
