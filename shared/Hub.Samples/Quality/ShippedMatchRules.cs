using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>The default match rules the Hub ships (functions/Hub.Functions/rules/matching.json), embedded in this library.</summary>
public static class ShippedMatchRules
{
    private static readonly Lazy<MatchRules> Shipped = new(Load);

    /// <summary>The shipped rules, validated.</summary>
    public static MatchRules Default => Shipped.Value;

    private static MatchRules Load()
    {
        var assembly = typeof(ShippedMatchRules).Assembly;
        using var stream = assembly.GetManifestResourceStream("rules/matching.json")
            ?? throw new InvalidOperationException($"The shipped match rules are not embedded in {assembly.GetName().Name}.");
        return MatchRules.Load(stream);
    }
}
