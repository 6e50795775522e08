using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using Hub.Core.Storage;

namespace Hub.Architecture.Tests;

public sealed class StorageBoundaryTests
{
    [Fact]
    public void Only_storage_speaks_the_storage_sdk()
    {
        var users = HubArchitecture.Assemblies.Types
            .Where(type => type.Namespace?.FullName is { } ns && !ns.StartsWith("Hub.Core.Storage", StringComparison.Ordinal) && ns.StartsWith("Hub.", StringComparison.Ordinal))
            .Where(type => type.Dependencies.Any(d => IsStorageSdk(d.Target) && !IsInheritedFromStoredEntity(type, d)))
            .Select(type => DeclaringName(type.FullName))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(users.Count == 0, $"The storage SDK is used outside Storage by:\n{string.Join('\n', users)}");
    }

    [Fact]
    public void The_handler_never_touches_a_stored_entity()
    {
        var touching = HubArchitecture.Assemblies.Types
            .Where(type => type.Namespace?.FullName?.StartsWith("Hub.Functions", StringComparison.Ordinal) == true)
            .SelectMany(type => type.Dependencies.Where(d => IsStoredEntity(d.Target)).Select(d => $"{DeclaringName(type.FullName)} → {d.Target.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(touching.Count == 0, $"The handler reaches stored entities:\n{string.Join('\n', touching)}");
    }

    private static bool IsStorageSdk(IType type) => type.Namespace?.FullName is { } ns
        && (ns == "Azure" || ns.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) || ns.StartsWith("Azure.Storage", StringComparison.Ordinal));

    // A row type derives from StoredEntity, which implements the SDK's entity interface for it: that is Storage's use.
    private static bool IsInheritedFromStoredEntity(IType type, ITypeDependency dependency) =>
        dependency is ImplementsInterfaceDependency && type is Class c && c.InheritedClasses.Any(b => b.FullName == typeof(StoredEntity).FullName);

    private static bool IsStoredEntity(IType type) =>
        type is Class c && (c.InheritedClasses.Any(b => b.FullName == typeof(StoredEntity).FullName) || c.ImplementedInterfaces.Any(i => i.FullName == "Azure.Data.Tables.ITableEntity"));

    private static string DeclaringName(string fullName) => fullName.Split('+')[0];
}
