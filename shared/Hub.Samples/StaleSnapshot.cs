using System.Globalization;
using Hub.Core.Feeds.Sources;

namespace Hub.Samples;

/// <summary>
/// Makes a department's snapshot older than the truth for some people: it still shows where they lived, or which
/// phone they had, before; or it lacks them altogether. Whether a person's record is stale depends on the person and the source only, so every
/// row of one person in one feed agrees; what the previous residence or phone was depends on the person only, so
/// two stale departments show the same one.
/// </summary>
internal sealed class StaleSnapshot(SourceMapping mapping, FeedWriterOptions options, int seed)
{
    private const int ResidencePurpose = 1;
    private const int PhonePurpose = 2;
    private const int OmissionPurpose = 3;

    private readonly int _source = SeedMixer.Of(mapping.Id);
    private readonly string? _residenceColumn = mapping.Fields.FirstOrDefault(f => f.Attribute == "residenceDivision")?.Column;
    private readonly string? _phoneColumn = mapping.Fields.FirstOrDefault(f => f.Attribute == "phone")?.Column;

    /// <summary>True when this source's export leaves <paramref name="person"/> out (<see cref="FeedWriterOptions.OmittedPeopleRate"/>).</summary>
    public bool Omits(Person person)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OmittedPeopleRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.OmittedPeopleRate, 1.0);
        return Stale(person, OmissionPurpose, options.OmittedPeopleRate);
    }

    /// <summary>Rewrites <paramref name="attributes"/> where this source's record of the person is stale; returns what was done.</summary>
    public IReadOnlyList<InjectedMistake> Apply(Person person, Dictionary<string, object?> attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StaleResidenceRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StaleResidenceRate, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StalePhoneRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StalePhoneRate, 1.0);
        var stale = new List<InjectedMistake>(2);
        if (_residenceColumn is not null && attributes.ContainsKey("residenceDivision") && Stale(person, ResidencePurpose, options.StaleResidenceRate))
        {
            var previous = Places.Previous(new Random(SeedMixer.Mix(seed, person.Number, ResidencePurpose)), person.Residence);
            attributes["residenceDivision"] = previous.Division;
            ReplaceIfPresent(attributes, "residenceGrid", previous.Grid);
            ReplaceIfPresent(attributes, "residenceAddress", previous.Address);
            stale.Add(new InjectedMistake(MistakeKind.PreviousResidence, _residenceColumn));
        }

        if (_phoneColumn is not null && attributes.GetValueOrDefault("phone") is string phone && Stale(person, PhonePurpose, options.StalePhoneRate))
        {
            attributes["phone"] = PreviousPhone(phone, new Random(SeedMixer.Mix(seed, person.Number, PhonePurpose)));
            stale.Add(new InjectedMistake(MistakeKind.PreviousPhone, _phoneColumn));
        }

        return stale;
    }

    private bool Stale(Person person, int purpose, double rate) =>
        rate > 0 && new Random(SeedMixer.Mix(seed, _source, person.Number, purpose)).NextDouble() < rate;

    private static void ReplaceIfPresent(Dictionary<string, object?> attributes, string attribute, string value)
    {
        if (attributes.ContainsKey(attribute))
        {
            attributes[attribute] = value;
        }
    }

    /// <summary>Another mobile number for a mobile, another line in the same area for a landline.</summary>
    private static string PreviousPhone(string current, Random random)
    {
        while (true)
        {
            var areaCode = current.IndexOf('-', StringComparison.Ordinal);
            var previous = areaCode > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{current[..areaCode]}-{random.Next(6, 9)}{random.Digits(7)}")
                : random.Pick(HouseholdBuilder.MobilePrefixes) + random.Digits(8);
            if (previous != current)
            {
                return previous;
            }
        }
    }
}
