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
    private static readonly string[] ProfilesPart = ["Profiles", "Profiles.Facts", "Profiles.Views"];
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
        ["Profiles.Views"] = BelowAccess,
        ["Access"] = BelowResolution,
        ["Access.Residents"] = BelowResolution,
        ["Identity.Resolution"] = BelowResolution,
        ["Feeds.Processing"] = [.. BelowResolution, "Identity.Resolution", "Feeds.Processing"],
    };

    /// <summary>
    /// Types that still reach above their part, each with where it goes. The list only shrinks: a new entry is a new
    /// dependency upwards, which the rule is there to refuse.
    /// </summary>
    public static IReadOnlySet<string> ReachingUpwards { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Reads the golden person by following links: belongs with resolution, which owns links.
        "Hub.Core.Profiles.ProfileReader",
        // The person partition's resolution rows (links, members, row keys) belong with the facts they sit beside.
        "Hub.Core.Profiles.Facts.FactStore",
        "Hub.Core.Profiles.Facts.PersonChange",
        "Hub.Core.Profiles.Views.PersonViewEntity",
        // Keeps the resident index true after resolution changes: belongs with resolution.
        "Hub.Core.Access.Residents.ResidentReconciler",
        // Reads a processing option for its re-queue: the option belongs with the batches.
        "Hub.Core.Identity.Resolution.StewardDecisions",
    };

    /// <summary>The part of a namespace below Hub.Core; null for Hub.Core itself (the composition root) and outside it.</summary>
    public static string? Of(string? ns)
    {
        const string Core = "Hub.Core.";
        return ns is not null && ns.StartsWith(Core, StringComparison.Ordinal) ? ns[Core.Length..] : null;
    }
}
