namespace Hub.Core.Checks;

/// <summary>Where the Hub loads the cross-department checks from.</summary>
public sealed class CheckRulesOptions
{
    /// <summary>Configuration section: <c>Hub:Checks</c>.</summary>
    public const string SectionName = "Hub:Checks";

    /// <summary>The checks file, absolute or relative to the application's folder.</summary>
    public string Path { get; set; } = "rules/checks.json";
}
