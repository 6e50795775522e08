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

    [Fact]
    public void The_kernel_uses_no_other_hub_namespace()
    {
        var reaches = HubArchitecture.Assemblies.Types
            .Where(type => type.Namespace?.FullName == KernelNamespace)
            .SelectMany(type => type.Dependencies.Select(d => (From: DeclaringName(type.FullName), To: d.Target)))
            .Where(d => d.To.Namespace?.FullName is { } ns && IsHub(ns) && ns != KernelNamespace)
            .Select(d => $"{d.From} → {DeclaringName(d.To.FullName)}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(reaches.Count == 0, $"The kernel reaches other Hub namespaces:\n{string.Join('\n', reaches)}");
    }

    [Fact]
    public void The_parts_of_the_core_use_each_other_without_a_cycle()
    {
        var uses = HubArchitecture.Assemblies.Types
            .Select(type => (From: Parts.Of(type.Namespace?.FullName), Targets: type.Dependencies.Select(d => Parts.Of(d.Target.Namespace?.FullName))))
            .Where(t => t.From is not null)
            .SelectMany(t => t.Targets.OfType<string>().Where(to => to != t.From).Select(to => (From: t.From!, To: to)))
            .Distinct()
            .ToLookup(d => d.From, d => d.To, StringComparer.Ordinal);

        var cycles = PartCycles.Find(uses);

        Assert.True(cycles.Count == 0, $"Parts that use each other round a cycle:\n{string.Join('\n', cycles)}");
    }

    private const string KernelNamespace = "Hub.Core.Kernel";

    private static bool IsHub(string ns) => ns == "Hub" || ns.StartsWith("Hub.", StringComparison.Ordinal);

    /// <summary>A nested type (a lambda's closure, an async state machine) counts as the type that declares it.</summary>
    private static string DeclaringName(string fullName) => fullName.Split('+')[0];
}
