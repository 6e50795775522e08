namespace Hub.Architecture.Tests;

/// <summary>
/// Hub.Core's parts and which parts each may use: the stack the README's Layout section draws. A part is a namespace
/// below <c>Hub.Core</c>; the lower half of Feeds (what a department sends and how it is read) sits low, its
/// processing (the pipeline that drives every other part) at the top.
/// </summary>
internal static class Parts
{
    private static readonly string[] Kernel = ["Kernel"];
    private static readonly string[] Keys = [.. Kernel, "Storage", "Identity.Keys"];
    private static readonly string[] FeedsLowerHalf = ["Feeds", "Feeds.Sources", "Feeds.Reading", "Feeds.Normalisation", "Feeds.Batches"];
    private static readonly string[] ProfilesPart = ["Profiles", "Profiles.Facts"];
    private static readonly string[] BelowProfiles = [.. Keys, "Identity.Matching", .. FeedsLowerHalf, "Audit"];
    private static readonly string[] BelowAccess = [.. BelowProfiles, .. ProfilesPart];
    private static readonly string[] BelowResolution = [.. BelowAccess, "Access", "Access.Residents"];

    /// <summary>Each part → the parts it may use (its own namespace always).</summary>
    public static IReadOnlyDictionary<string, string[]> MayUse { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Kernel"] = [],
        ["Storage"] = Kernel,
        ["Identity.Keys"] = Kernel,
        ["Identity.Matching"] = Kernel,
        ["Feeds"] = [.. Keys, .. FeedsLowerHalf],
        ["Feeds.Sources"] = [.. Keys, .. FeedsLowerHalf],
        ["Feeds.Reading"] = [.. Keys, .. FeedsLowerHalf],
        ["Feeds.Normalisation"] = [.. Keys, .. FeedsLowerHalf],
        ["Feeds.Batches"] = [.. Keys, .. FeedsLowerHalf],
        ["Audit"] = [.. Kernel, "Storage"],
        ["Profiles"] = BelowAccess,
        ["Profiles.Facts"] = BelowAccess,
        ["Access"] = BelowResolution,
        ["Access.Residents"] = BelowResolution,
        ["Identity.Resolution"] = BelowResolution,
        ["Feeds.Processing"] = [.. BelowResolution, "Identity.Resolution", "Feeds.Processing"],
    };

    /// <summary>The part of a namespace below Hub.Core; null for Hub.Core itself (the composition root) and outside it.</summary>
    public static string? Of(string? ns)
    {
        const string Core = "Hub.Core.";
        return ns is not null && ns.StartsWith(Core, StringComparison.Ordinal) ? ns[Core.Length..] : null;
    }
}
