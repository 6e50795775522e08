namespace Hub.Functions.Tests.Infrastructure;

/// <summary>Every class that needs storage joins this collection, so the emulator is probed once per run.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>;
