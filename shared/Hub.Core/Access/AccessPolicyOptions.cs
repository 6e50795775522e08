namespace Hub.Core.Access;

/// <summary>Where the Hub loads the access policy from.</summary>
public sealed class AccessPolicyOptions
{
    /// <summary>Configuration section: <c>Hub:Access</c>.</summary>
    public const string SectionName = "Hub:Access";

    /// <summary>The access policy file, absolute or relative to the application's folder.</summary>
    public string PolicyPath { get; set; } = "policy/access.json";
}
