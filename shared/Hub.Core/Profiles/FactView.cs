namespace Hub.Core.Profiles;

/// <summary>A stored fact as the profile builder reads it: one department's record about one person.</summary>
/// <param name="Source">The source that sent it, e.g. <c>police</c>.</param>
/// <param name="Discriminator">Tells apart several records of one person in one source (e.g. the assistance type); empty when there is one.</param>
/// <param name="Attributes">Attribute → normalised value (dates <c>yyyy-MM-dd</c>); empty values are absent.</param>
/// <param name="LastBatch">The batch that last changed the fact.</param>
/// <param name="UpdatedAt">When the Hub last changed the fact.</param>
/// <param name="EndedAt">When a snapshot of its source stopped containing it; null while it is current.</param>
/// <param name="FirstSeenAt">When the Hub first stored it; null when not known, and <paramref name="UpdatedAt"/> stands in.</param>
/// <param name="Identified">False when the record came without a usable ID number.</param>
public sealed record FactView(
    string Source,
    string Discriminator,
    IReadOnlyDictionary<string, string> Attributes,
    string LastBatch,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? FirstSeenAt = null,
    bool Identified = true)
{
    /// <summary>The value of <paramref name="attribute"/>, or null when the fact has none (or only whitespace).</summary>
    public string? ValueOf(string attribute) =>
        Attributes.TryGetValue(attribute, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Names the fact without its values, which are personal data.</summary>
    public override string ToString() => $"{Source} fact '{Discriminator}'";
}
