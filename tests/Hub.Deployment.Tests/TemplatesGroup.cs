namespace Hub.Deployment.Tests;

/// <summary>The test classes that share one compilation of the templates.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatesGroup : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "templates";
}
