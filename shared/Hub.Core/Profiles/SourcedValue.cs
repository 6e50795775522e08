namespace Hub.Core.Profiles;

/// <summary>A value one source states, with its provenance: how a steward sees a conflicting value.</summary>
/// <param name="Value">The normalised value.</param>
/// <param name="Provenance">Where it comes from.</param>
public sealed record SourcedValue(string Value, Provenance Provenance)
{
    /// <summary>Names the source without the value, which may be personal data.</summary>
    public override string ToString() => $"value from {Provenance.Source}";
}
