namespace Hub.Core.Profiles;

/// <summary>The survivorship rule of one attribute.</summary>
public sealed record AttributeRule
{
    /// <summary>The rule applied to attributes the rules do not name, and to sources an authoritative rule does not list.</summary>
    public static readonly AttributeRule MostRecentValue = new() { Survivorship = Survivorship.MostRecent };

    /// <summary>How the surviving value is chosen.</summary>
    public required Survivorship Survivorship { get; init; }

    /// <summary>For <see cref="Survivorship.Authoritative"/>: the sources, most authoritative first.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>For <see cref="Survivorship.Authoritative"/>: what happens when no listed source has a value.</summary>
    public SurvivorshipFallback Fallback { get; init; } = SurvivorshipFallback.MostRecent;
}
