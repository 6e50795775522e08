namespace Hub.Deployment.Tests;

/// <summary>The test classes that share one built package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageGroup : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
