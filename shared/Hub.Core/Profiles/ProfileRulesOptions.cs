namespace Hub.Core.Profiles;

/// <summary>Where the Hub loads the profile rules from.</summary>
public sealed class ProfileRulesOptions
{
    /// <summary>Configuration section: <c>Hub:Profiles</c>.</summary>
    public const string SectionName = "Hub:Profiles";

    /// <summary>The profile rules file, absolute or relative to the application's folder.</summary>
    public string Path { get; set; } = "rules/profiles.json";
}
