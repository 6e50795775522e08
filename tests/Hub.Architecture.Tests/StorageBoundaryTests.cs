using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using Hub.Core.Storage;

namespace Hub.Architecture.Tests;

public sealed class StorageBoundaryTests
{
    /// <summary>
    /// Types outside Storage that still speak the storage SDK. The list only shrinks: each entry moves to Storage's
    /// entity tables, blob folders and work queues, and a new use of the SDK elsewhere fails the rule.
    /// </summary>
    private static readonly HashSet<string> StillUsingTheSdk = new(StringComparer.Ordinal)
    {
        "Hub.Core.Access.Residents.ResidentDirectory",
        "Hub.Core.Access.Residents.ResidentEntity",
        "Hub.Core.Access.Residents.ResidentIndex",
        "Hub.Core.Identity.Resolution.ResidentReconciler",
        "Hub.Core.Access.Residents.StreetRosters",
        "Hub.Core.Access.Residents.StreetVersion",
        "Hub.Core.Identity.Resolution.PersonResolver",
        "Hub.Core.Identity.Resolution.QueueEntity",
        "Hub.Core.Identity.Resolution.StewardDecisions",
    };

    [Fact]
    public void Only_storage_speaks_the_storage_sdk()
    {
        var users = HubArchitecture.Assemblies.Types
            .Where(type => type.Namespace?.FullName is { } ns && !ns.StartsWith("Hub.Core.Storage", StringComparison.Ordinal) && ns.StartsWith("Hub.", StringComparison.Ordinal))
            .Where(type => type.Dependencies.Any(d => IsStorageSdk(d.Target) && !IsInheritedFromStoredEntity(type, d)))
            .Select(type => DeclaringName(type.FullName))
            .Where(name => !StillUsingTheSdk.Contains(name))
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

    [Fact]
    public void The_list_of_what_is_left_to_move_names_only_what_is_left()
    {
        var sdkUsers = HubArchitecture.Assemblies.Types
            .Where(type => type.Dependencies.Any(d => IsStorageSdk(d.Target) && !IsInheritedFromStoredEntity(type, d)))
            .Select(type => DeclaringName(type.FullName))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(sdkUsers, StillUsingTheSdk);
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
