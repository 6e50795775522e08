namespace Hub.Core.Profiles.Facts;

/// <summary>A validated record on its way into the fact table.</summary>
/// <param name="Row">The feed row it came from.</param>
/// <param name="PersonKey">The person it is about.</param>
/// <param name="RowKey">Its fact row key.</param>
/// <param name="Identified">False for a record kept without a usable ID: its person key is provisional.</param>
/// <param name="Attributes">Attribute → normalised value.</param>
internal sealed record IncomingFact(long Row, string PersonKey, string RowKey, bool Identified, IReadOnlyDictionary<string, string> Attributes);
