namespace Hub.Core.Profiles;

/// <summary>The surviving value of one attribute of a profile, where it comes from, and what other sources say instead.</summary>
/// <param name="Value">The surviving normalised value.</param>
/// <param name="Provenance">The fact it comes from.</param>
/// <param name="Conflicts">Differing values of other facts, one per source and value, most authoritative first.</param>
public sealed record AttributeValue(string Value, Provenance Provenance, IReadOnlyList<SourcedValue> Conflicts)
{
    /// <summary>True when some source states a different value.</summary>
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>Names the source without the value, which may be personal data.</summary>
    public override string ToString() => $"value from {Provenance.Source}, {Conflicts.Count} conflicting";
}
