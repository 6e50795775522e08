using Hub.Core.Feeds.Sources;
using Hub.Samples.Corruption;

namespace Hub.Samples.Quality;

/// <summary>
/// The "quality" preset: a population and feeds with far more ID problems and stale snapshots than the everyday
/// samples, so that matching has enough hard cases for precision and recall to mean something. The hard preset
/// corrupts the same feeds further (<see cref="CorruptionRates"/>).
/// </summary>
public static class QualityPreset
{
    /// <summary>
    /// Twins are one two-child family in four instead of one in sixteen: still a minority, but frequent enough that
    /// a few hundred rows of them reach the feeds and test whether matching keeps them apart.
    /// </summary>
    public const double TwinRate = 0.25;

    /// <summary>Share of non-police rows whose ID is unusable: departments type or paste the numbers they hold.</summary>
    public const double IdProblemRate = 0.08;

    /// <summary>
    /// Share of police rows whose ID is unusable. The register issues the numbers, so this is rarer; but these rows
    /// matter most for precision, because their person is often in no other feed: any link they get is wrong.
    /// </summary>
    public const double PoliceIdProblemRate = 0.02;

    /// <summary>
    /// Share of people missing from the police register's export (not registered yet). Their rows in other feeds
    /// have nobody to be linked to, so any automatic link they get is wrong: they are what makes precision mean
    /// something for rows that carry only a name and a community.
    /// </summary>
    public const double UnregisteredRate = 0.05;

    /// <summary>
    /// Share of non-police rows whose name is written in traditional characters, as older departmental systems store
    /// names; about six rows in ten have a name with a traditional form.
    /// </summary>
    public const double TraditionalNameRate = 0.10;

    /// <summary>Share of non-police records that still show a previous residence: departments update after the police do.</summary>
    public const double StaleResidenceRate = 0.10;

    /// <summary>Share of non-police records that still show a previous phone number.</summary>
    public const double StalePhoneRate = 0.10;

    /// <summary>The population of the preset.</summary>
    public static PopulationOptions Population(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PopulationOptions { Seed = options.Seed, People = options.People, TwinRate = TwinRate };
    }

    /// <summary>How the preset cuts the feed of <paramref name="source"/>.</summary>
    public static FeedWriterOptions Feed(string source) => source == ShippedSources.Police
        ? new FeedWriterOptions { IdProblemRate = PoliceIdProblemRate, OmittedPeopleRate = UnregisteredRate }
        : new FeedWriterOptions
        {
            MistakeRate = 0.05,
            IdProblemRate = IdProblemRate,
            TraditionalNameRate = TraditionalNameRate,
            StaleResidenceRate = StaleResidenceRate,
            StalePhoneRate = StalePhoneRate,
        };

    /// <summary>
    /// The four feeds of <paramref name="population"/> as <paramref name="options"/> ask, in the order of
    /// <see cref="ShippedSources.Ids"/>: the standard preset's, corrupted for the hard preset, without IDs or sex
    /// when asked.
    /// </summary>
    public static IReadOnlyList<SampleFeed> Feeds(QualityOptions options, Population population)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(population);
        return ShippedSources.Ids.Select(id =>
        {
            var feed = FeedWriter.Compose(population, ShippedSources.Get(id), Feed(id));
            if (options.Preset == QualityPresetName.Hard)
            {
                feed = FeedCorruptor.Corrupt(feed, options.Corruptions, options.Seed, population.Options.ReferenceDate);
            }

            return FeedCorruptor.Strip(feed, options.WithoutIds, options.WithoutSex);
        }).ToList();
    }

    /// <summary>
    /// The mapping the Hub reads <paramref name="mapping"/>'s feed with. The hard preset leaves rows without any
    /// division, as data from outside has them; a department whose register holds no area would map its divisions as
    /// optional, so the hard preset reads them so, and such rows are measured rather than rejected.
    /// </summary>
    public static SourceMapping Reading(QualityOptions options, SourceMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mapping);
        return options.Preset == QualityPresetName.Hard
            ? mapping with { Fields = [.. mapping.Fields.Select(f => f.Type == FieldType.Division ? f with { Required = false } : f)] }
            : mapping;
    }
}
