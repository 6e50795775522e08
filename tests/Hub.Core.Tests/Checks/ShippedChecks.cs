using Hub.Core.Checks;
using Hub.Core.Profiles;
using Hub.Core.Tests.Profiles;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Checks;

/// <summary>The checks the Hub ships, over the shipped profile rules, and an evaluator of them.</summary>
internal static class ShippedChecks
{
    public static string File { get; } = ShippedFiles.Beside("rules/checks.json");

    public static CheckRules Load() => CheckRules.Load(File, ShippedRules.Load());

    public static CheckEvaluator Evaluator() => new(Load(), ShippedRules.Load());

    /// <summary>What the shipped checks find for <paramref name="profile"/> on 30 June 2026, with <paramref name="household"/>'s other members.</summary>
    public static IReadOnlyList<CheckFinding> Find(PersonProfile profile, params HouseholdPeer[] household) =>
        Evaluator().Evaluate(profile, TestFacts.June30, household);
}
