using ArchUnitNET.Loader;
using Hub.Core.Kernel;

namespace Hub.Architecture.Tests;

/// <summary>The Hub's core and its handler, loaded once for every rule.</summary>
internal static class HubArchitecture
{
    public static ArchUnitNET.Domain.Architecture Assemblies { get; } = new ArchLoader()
        .LoadAssemblies(typeof(PersonKey).Assembly, typeof(Program).Assembly)
        .Build();
}
