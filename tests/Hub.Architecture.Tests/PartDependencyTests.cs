namespace Hub.Architecture.Tests;

public sealed class PartDependencyTests
{
    public static TheoryData<string> EveryPart => [.. Parts.MayUse.Keys];

    [Theory]
    [MemberData(nameof(EveryPart))]
    public void A_part_uses_only_the_parts_below_it(string part)
    {
        var allowed = Parts.MayUse[part].Append(part).ToHashSet(StringComparer.Ordinal);

        var upwards = HubArchitecture.Assemblies.Types
            .Where(type => Parts.Of(type.Namespace?.FullName) == part)
            .SelectMany(type => type.Dependencies.Select(d => (From: DeclaringName(type.FullName), To: d.Target)))
            .Where(d => Parts.Of(d.To.Namespace?.FullName) is { } target && !allowed.Contains(target))
            .Select(d => $"{d.From} → {DeclaringName(d.To.FullName)}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(upwards.Count == 0, $"{part} reaches above itself:\n{string.Join('\n', upwards)}");
    }

    [Fact]
    public void Every_part_of_the_core_has_a_place_in_the_stack()
    {
        var parts = HubArchitecture.Assemblies.Types
            .Select(type => Parts.Of(type.Namespace?.FullName))
            .OfType<string>()
            .Distinct()
            .Where(part => !Parts.MayUse.ContainsKey(part));

        Assert.Empty(parts);
    }

    /// <summary>A nested type (a lambda's closure, an async state machine) counts as the type that declares it.</summary>
    private static string DeclaringName(string fullName) => fullName.Split('+')[0];
}
