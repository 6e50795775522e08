using Hub.Core.Access;
using Hub.Core.Divisions;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Tests.Shared;

/// <summary>
/// The mapping, rules and policy files the Hub ships, which each test project's file copies beside its assembly,
/// found as the Hub finds them: its options' default paths, resolved by <see cref="ConfiguredPath"/>. Linked into each
/// test project that reads them.
/// </summary>
internal static class ShippedFiles
{
    public static string SourcesFolder { get; } = ConfiguredPath.Resolve(new SourceCatalogOptions().Path);

    public static string MatchingRules { get; } = ConfiguredPath.Resolve(new MatchRulesOptions().Path);

    public static string ProfileRules { get; } = ConfiguredPath.Resolve(new ProfileRulesOptions().Path);

    public static string AccessPolicy { get; } = ConfiguredPath.Resolve(new AccessPolicyOptions().PolicyPath);

    /// <summary>The shipped division registry.</summary>
    public static string Divisions { get; } = ConfiguredPath.Resolve(new DivisionRegistryOptions().Path);

    /// <summary>The mapping file of source <paramref name="id"/>.</summary>
    public static string Source(string id) => Path.Combine(SourcesFolder, id + ".json");

    /// <summary>A file beside the shipped ones (one that is not there, for a test of a missing file).</summary>
    public static string Beside(string relative) => ConfiguredPath.Resolve(relative);
}
