using Hub.Core.Feeds.Batches;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// Compares a batch's values with the other departments' current facts about the same persons, in the partition the
/// merge has already read: a department's disagreement with the others costs no storage operation.
/// </summary>
internal static class SourceAgreement
{
    /// <summary>
    /// The attributes compared across departments: who a person is (name, sex, birth date), where they live, and their
    /// household. An attribute is compared only where both departments hold a value.
    /// </summary>
    public static IReadOnlyList<string> ComparedAttributes { get; } =
        ["name", "sex", "birthDate", "residenceDivision", "residenceAddress", "registrationDivision", "householdNumber", "householdSize"];

    /// <summary>
    /// For each compared attribute and other source, the persons of <paramref name="incoming"/> (with an ID number) for
    /// whom both hold a value, and those whose incoming value is none of the other source's current values.
    /// </summary>
    public static IReadOnlyList<AgreementTally> Compare(string source, IReadOnlyList<IncomingFact> incoming, IReadOnlyDictionary<string, PersonRows> people)
    {
        var tallies = new Dictionary<(string Attribute, string Other), (long Compared, long Differing)>();
        foreach (var person in incoming.Where(f => f.Identified).GroupBy(f => f.PersonKey, StringComparer.Ordinal))
        {
            if (!people.TryGetValue(person.Key, out var rows))
            {
                continue;
            }

            var others = rows.Facts.Where(f => f.Source != source && f.EndedAt is null).Select(f => f.ToView()).ToList();
            if (others.Count == 0)
            {
                continue;
            }

            foreach (var attribute in ComparedAttributes)
            {
                var mine = person.Select(f => f.Attributes.GetValueOrDefault(attribute)).Where(v => !string.IsNullOrWhiteSpace(v)).ToHashSet(StringComparer.Ordinal);
                if (mine.Count == 0)
                {
                    continue;
                }

                foreach (var other in others.GroupBy(f => f.Source, StringComparer.Ordinal))
                {
                    var theirs = other.Select(f => f.ValueOf(attribute)).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    if (theirs.Count == 0)
                    {
                        continue;
                    }

                    var (compared, differing) = tallies.GetValueOrDefault((attribute, other.Key));
                    tallies[(attribute, other.Key)] = (compared + 1, differing + (mine.Overlaps(theirs) ? 0 : 1));
                }
            }
        }

        return [.. tallies.Select(t => new AgreementTally(t.Key.Attribute, t.Key.Other, t.Value.Compared, t.Value.Differing))];
    }
}
