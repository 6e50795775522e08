using Hub.Samples.Quality;

namespace Hub.Samples.Tests.Quality;

/// <summary>One run of the quality preset with the shipped rules and the default seed, shared by the tests that read it.</summary>
public sealed class QualityRun
{
    public QualityReport Report { get; } = QualityHarness.Run(new QualityOptions(), ShippedMatchRules.Default);
}
