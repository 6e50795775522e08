using Hub.Core.Identity;

namespace Hub.Core.Feeds;

/// <summary>A record that passed validation: its resident ID and its attributes in the Hub's normal form.</summary>
/// <param name="Row">The row it came from.</param>
/// <param name="ResidentId">The validated ID number the person key is computed from.</param>
/// <param name="Discriminator">Tells apart several records of one person in one source; empty when there is one.</param>
/// <param name="Attributes">Attribute → normalised value (dates <c>yyyy-MM-dd</c>, numbers invariant); empty values are absent.</param>
public sealed record NormalisedRecord(long Row, ResidentId ResidentId, string Discriminator, IReadOnlyDictionary<string, string> Attributes);
