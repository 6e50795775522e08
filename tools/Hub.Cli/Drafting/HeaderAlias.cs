namespace Hub.Cli.Drafting;

/// <summary>A header that names an attribute, and where the draft learnt it.</summary>
/// <param name="Key">The header as matched (<see cref="AttributeKnowledge.Key"/>).</param>
/// <param name="Header">The header as written where it was learnt.</param>
/// <param name="Attribute">The attribute it names.</param>
/// <param name="From">Where it was learnt, in words: "the mappings of police, civil-affairs", "the web console's label".</param>
internal sealed record HeaderAlias(string Key, string Header, string Attribute, string From);
