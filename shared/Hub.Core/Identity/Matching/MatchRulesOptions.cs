namespace Hub.Core.Identity.Matching;

/// <summary>Where the Hub loads the person-matching rules from.</summary>
public sealed class MatchRulesOptions
{
    /// <summary>Configuration section: <c>Hub:Matching</c>.</summary>
    public const string SectionName = "Hub:Matching";

    /// <summary>The match rules file, absolute or relative to the application's folder.</summary>
    public string Path { get; set; } = "rules/matching.json";
}
