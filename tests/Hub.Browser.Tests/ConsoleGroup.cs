namespace Hub.Browser.Tests;

/// <summary>Every browser test shares one Hub, one data set and one browser.</summary>
[CollectionDefinition(ConsoleFixture.Collection)]
public sealed class ConsoleGroup : ICollectionFixture<ConsoleFixture>;
