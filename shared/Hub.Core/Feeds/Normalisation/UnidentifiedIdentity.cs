using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>
/// What keys a record kept without a usable ID: its source, its first name, its birth date and its record key, so the
/// same record pushed again keeps its key. A layout without birth dates (a disability or housing register) would give
/// every namesake in the feed one key, and the second would be refused as a repeat of the first; there the sex and the
/// community of residence (or of registration) stand in for the birth date. Such a record that moves gets a new key,
/// and matching links the two, as it links any two records of one person.
/// </summary>
public static class UnidentifiedIdentity
{
    /// <summary>The provisional person key of <paramref name="record"/>, which has no usable ID.</summary>
    public static PersonKey KeyOf(IPersonKeyHasher hasher, SourceMapping mapping, NormalisedRecord record)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(record);
        var name = mapping.Fields.Where(f => f.Type == FieldType.Name).Select(f => record.Attributes.GetValueOrDefault(f.Attribute)).FirstOrDefault(v => v is not null);
        return hasher.HashUnidentified(mapping.SourceId, name, BirthOrPlace(record.Attributes), record.Discriminator);
    }

    private static string? BirthOrPlace(IReadOnlyDictionary<string, string> attributes)
    {
        if (attributes.GetValueOrDefault("birthDate") is { } birthDate)
        {
            return birthDate;
        }

        var place = attributes.GetValueOrDefault("residenceDivision") ?? attributes.GetValueOrDefault("registrationDivision");
        var sex = attributes.GetValueOrDefault("sex");
        return place is null && sex is null ? null : $"@{place}/{sex}";
    }
}
