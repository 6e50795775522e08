using System.Globalization;
using Hub.Core.Divisions;

namespace Hub.Core.Matching;

/// <summary>
/// Candidate search ("blocking", as HAPI FHIR MDM's <c>candidateSearchParams</c>): a few keys per record, such that
/// two records of one person very likely share at least one, while a key is shared by few other people. Candidates
/// are the people indexed under any key of the incoming record.
/// </summary>
/// <remarks>
/// The keys are built from names, birth dates, phones and ID digits: they are personal data. A caller that stores
/// them (an index table) must store an HMAC of each key with the Hub's pepper, never the key itself, and must never
/// log them.
/// </remarks>
public static class BlockingKeys
{
    /// <summary>
    /// The keys of <paramref name="record"/>, without duplicates, in a fixed order:
    /// <list type="bullet">
    /// <item><c>nb|</c> folded name and birth date;</item>
    /// <item><c>bs|</c> birth date, sex and street (first 9 digits), for residence and registration: finds a name
    /// spelled differently;</item>
    /// <item><c>ns|</c> folded name and street, for residence and registration: finds records without a birth date;</item>
    /// <item><c>p|</c> phone;</item>
    /// <item><c>id|</c> the first 17 characters of a valid ID number or of a whole number typed with a wrong check character.</item>
    /// </list>
    /// A birth date and sex missing from the attributes are taken from the ID evidence when it carries them.
    /// </summary>
    public static IReadOnlyList<string> For(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>(8);
        var name = record.FoldedName;
        var birth = (record.BirthDate ?? record.IdEvidence?.BirthDate)?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var sex = (record.Sex ?? record.IdEvidence?.Sex) switch
        {
            Identity.Sex.Male => "m",
            Identity.Sex.Female => "f",
            _ => null,
        };

        if (name is not null && birth is not null)
        {
            keys.Add($"nb|{name}|{birth}");
        }

        foreach (var street in Streets(record))
        {
            if (birth is not null && sex is not null)
            {
                keys.Add($"bs|{birth}|{sex}|{street}");
            }

            if (name is not null)
            {
                keys.Add($"ns|{name}|{street}");
            }
        }

        if (record.Phone is { } phone)
        {
            keys.Add($"p|{phone}");
        }

        if ((record.ResidentId?.Value[..17] ?? record.IdEvidence?.Body) is { } body)
        {
            keys.Add($"id|{body}");
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Streets(MatchRecord record)
    {
        DivisionCode?[] divisions = [record.ResidenceDivision, record.RegistrationDivision];
        return divisions.OfType<DivisionCode>().Select(d => d.Street).Distinct(StringComparer.Ordinal);
    }
}
