namespace Hub.Cli.Drafting;

/// <summary>An attribute a column's header names: the whole header (<paramref name="Exact"/>), or a known name inside it.</summary>
internal sealed record HeaderMatch(KnownAttribute Attribute, HeaderAlias Alias, bool Exact)
{
    /// <summary>Why, in words: "a known header of residentId (the mappings of police)".</summary>
    public string Reason => Exact
        ? $"a known header of {Attribute.Name} ({Alias.From})"
        : $"the header contains '{Alias.Header}', a known header of {Attribute.Name} ({Alias.From})";
}
