using Hub.Core.Profiles;

namespace Hub.Core.Resolution;

/// <summary>One fact as a person's view row keeps it: everything <see cref="FactView"/> holds, in a stable JSON form.</summary>
internal sealed record ViewedFact(
    string Source,
    string Discriminator,
    IReadOnlyDictionary<string, string> Attributes,
    string LastBatch,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? FirstSeenAt,
    bool Identified)
{
    public static ViewedFact From(FactView fact) => new(
        fact.Source,
        fact.Discriminator,
        // Sorted, so the same attributes always give the same text.
        new SortedDictionary<string, string>(fact.Attributes.ToDictionary(), StringComparer.Ordinal),
        fact.LastBatch,
        fact.UpdatedAt,
        fact.EndedAt,
        fact.FirstSeenAt,
        fact.Identified);

    public FactView ToFactView() => new(Source, Discriminator, Attributes, LastBatch, UpdatedAt, EndedAt, FirstSeenAt, Identified);
}
