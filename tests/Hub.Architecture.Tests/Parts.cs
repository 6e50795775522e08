namespace Hub.Architecture.Tests;

/// <summary>
/// Hub.Core's parts and which parts each may use: the stack the README's Layout section draws. A part is a namespace
/// below <c>Hub.Core</c>; the lower half of Feeds (what a department sends and how it is read) sits low, its
/// processing (the pipeline that drives every other part) at the top, beside Reads (what a user is given of persons).
/// </summary>
internal static class Parts
{
    private static readonly string[] Kernel = ["Kernel"];
    private static readonly string[] FeedsLowerHalf = ["Feeds", "Feeds.Sources", "Feeds.Reading", "Feeds.Normalisation", "Feeds.Batches"];
    private static readonly string[] ProfilesPart = ["Profiles", "Profiles.Facts"];
    private static readonly string[] BelowProfiles = [.. Kernel, "Storage", "Protection", "Divisions", .. FeedsLowerHalf];
    private static readonly string[] BelowAccess = [.. BelowProfiles, .. ProfilesPart, "Identity.Keys", "Identity.Matching", "Audit"];
    private static readonly string[] BelowResolution = [.. BelowAccess, "Access", "Access.Residents"];

    /// <summary>Each part → the parts it may use (its own namespace always).</summary>
    public static IReadOnlyDictionary<string, string[]> MayUse { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Kernel"] = [],
        ["Storage"] = Kernel,
        ["Protection"] = Kernel,
        ["Divisions"] = [.. Kernel, "Storage"],
        ["Identity.Keys"] = Kernel,
        ["Identity.Matching"] = Kernel,
        ["Feeds"] = BelowProfiles,
        ["Feeds.Sources"] = BelowProfiles,
        ["Feeds.Reading"] = BelowProfiles,
        ["Feeds.Normalisation"] = BelowProfiles,
        ["Feeds.Batches"] = BelowProfiles,
        ["Audit"] = [.. Kernel, "Storage", "Divisions"],
        ["Profiles"] = [.. BelowProfiles, .. ProfilesPart],
        ["Profiles.Facts"] = [.. BelowProfiles, .. ProfilesPart],
        ["Access"] = BelowResolution,
        ["Access.Residents"] = BelowResolution,
        ["Checks"] = BelowResolution,
        ["Identity.Resolution"] = [.. BelowResolution, "Checks"],
        ["Exchange"] = [.. BelowResolution, "Exchange"],
        ["Reads"] = [.. BelowResolution, "Checks", "Identity.Resolution"],
        ["Subjects"] = [.. BelowResolution, "Checks", "Identity.Resolution", "Reads"],
        ["Retention"] = [.. BelowResolution, "Checks", "Identity.Resolution", "Exchange", "Subjects"],
        ["Identity.Rotation"] = [.. BelowResolution, "Checks", "Identity.Resolution", "Exchange", "Subjects"],
        ["Quality"] = [.. BelowResolution, "Identity.Resolution", "Quality"],
        ["Feeds.Processing"] = [.. BelowResolution, "Checks", "Identity.Resolution", "Exchange", "Feeds.Processing"],
    };

    /// <summary>The part of a namespace below Hub.Core; null for Hub.Core itself (the composition root) and outside it.</summary>
    public static string? Of(string? ns)
    {
        const string Core = "Hub.Core.";
        return ns is not null && ns.StartsWith(Core, StringComparison.Ordinal) ? ns[Core.Length..] : null;
    }
}
