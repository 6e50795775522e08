namespace Hub.Core;

/// <summary>The files the Hub starts from, as full paths: the source mappings, the profile and match rules, and the access policy.</summary>
/// <param name="SourcesFolder">The folder of source mapping files (<c>Hub:Sources:Path</c>).</param>
/// <param name="ProfileRulesFile">The profile rules file (<c>Hub:Profiles:Path</c>).</param>
/// <param name="MatchRulesFile">The match rules file (<c>Hub:Matching:Path</c>).</param>
/// <param name="AccessPolicyFile">The access policy file (<c>Hub:Access:PolicyPath</c>).</param>
public sealed record HubFiles(string SourcesFolder, string ProfileRulesFile, string MatchRulesFile, string AccessPolicyFile)
{
    /// <summary>
    /// The files of a Hub folder laid out as the Hub ships (<c>sources/</c>, <c>rules/profiles.json</c>,
    /// <c>rules/matching.json</c>, <c>policy/access.json</c>). <paramref name="folder"/> may also be the sources
    /// folder itself, whose parent then holds the rules and the policy.
    /// </summary>
    public static HubFiles InFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        var sources = Path.Combine(full, "sources");
        var root = full;
        if (!Directory.Exists(sources))
        {
            sources = full;
            root = Path.GetDirectoryName(full) ?? full;
        }

        return new HubFiles(sources, Path.Combine(root, "rules", "profiles.json"), Path.Combine(root, "rules", "matching.json"), Path.Combine(root, "policy", "access.json"));
    }
}
