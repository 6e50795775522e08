namespace Hub.Samples;

/// <summary>
/// A police delta in which every person of a population has a life event the register reports: in turn, a death on
/// the reference date, a move to another address (another community, street or home district), and a move out of
/// the area. A person the register already holds as deceased or moved out moves address instead, so every row
/// changes its record. It is about the same people <see cref="FeedWriter.WritePopulationCsvAsync"/> writes with the
/// same persons, seed and focus, so pushed after their registers it makes change events for all of them.
/// </summary>
public static class LifeEventsDelta
{
    private const int MovePurpose = 0x6D0E;

    /// <summary>
    /// Streams the delta about the first <paramref name="persons"/> people as a police CSV (UTF-8 with BOM); returns its
    /// rows. Without <paramref name="options"/> it has no mistakes; with them, its rows carry the mistakes and unusable
    /// ID numbers they ask for (<see cref="FeedWriterOptions.IdProblemRate"/>: rows the Hub must match to a person).
    /// </summary>
    public static async Task<long> WritePoliceCsvAsync(Stream stream, int persons, int seed, string focus, FeedWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        var population = new PopulationOptions { Seed = seed, Focus = focus };
        var mapping = ShippedSources.Get(ShippedSources.Police);
        var composer = new RowComposer(mapping);
        var injector = new MistakeInjector(mapping, options ?? new FeedWriterOptions { MistakeRate = 0 }, seed ^ MovePurpose, persons);
        long rows = 0;
        var sampleRows = new PopulationGenerator(population).Households().SelectMany(h => h.Members).Take(persons)
            .Select((person, i) =>
            {
                rows++;
                var changed = Change(person, i, seed, population.ReferenceDate);
                var values = composer.Compose(DepartmentRecords.PoliceDelta(changed));
                return new SampleRow(i + 1, changed, values, injector.Next(changed, values));
            });
        await SampleFileWriter.WriteAsync(mapping, composer.Columns, sampleRows, stream, SampleFileFormat.CsvUtf8Bom, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static Person Change(Person person, int index, int seed, DateOnly today)
    {
        var settled = person.DiedOn is null && person.MovedOutOn is null;
        return (index % 3, settled) switch
        {
            (0, true) => person with { DiedOn = today, DeathReportedLater = false },
            (2, true) => person with { MovedOutOn = today },
            _ => person with { Residence = Places.Previous(new Random(SeedMixer.Mix(seed, person.Number, MovePurpose)), person.Residence), RegisteredOn = today },
        };
    }
}
