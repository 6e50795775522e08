using Hub.Core.Profiles.Facts;

namespace Hub.Core.Feeds.Processing;

/// <summary>An accepted record as the reading phase leaves it in a spill file for the merging phase.</summary>
/// <param name="PersonKey">The person it is about (provisional when the record has no usable ID).</param>
/// <param name="Row">The feed row it came from.</param>
/// <param name="Discriminator">Tells apart several records of one person in one source.</param>
/// <param name="Identified">False for a record kept without a usable ID.</param>
/// <param name="Attributes">Attribute → normalised value.</param>
internal sealed record SpilledRecord(string PersonKey, long Row, string Discriminator, bool Identified, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The fact partition the record merges into.</summary>
    public int Partition() => Kernel.PersonKey.Parse(PersonKey).Partition;

    /// <summary>The record as the fact store merges it.</summary>
    public IncomingFact ToIncoming() => new(Row, PersonKey, Discriminator, Identified, Attributes);
}
