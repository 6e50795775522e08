namespace Hub.Core.Profiles.Facts;

/// <summary>A validated record on its way into the fact table.</summary>
/// <param name="Row">The feed row it came from.</param>
/// <param name="PersonKey">The person it is about.</param>
/// <param name="Discriminator">Tells apart several records of one person in one source (empty when there is one); with the source and the person it makes the fact's row key.</param>
/// <param name="Identified">False for a record kept without a usable ID: its person key is provisional.</param>
/// <param name="Attributes">Attribute → normalised value.</param>
internal sealed record IncomingFact(long Row, string PersonKey, string Discriminator, bool Identified, IReadOnlyDictionary<string, string> Attributes);
