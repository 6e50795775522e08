using Hub.Core.Feeds.Sources;

namespace Hub.Samples;

/// <summary>
/// Cuts departmental feeds from a population: each department's people and records, in its own layout (headers,
/// labels and date spelling from its mapping file), with a reproducible share of realistic mistakes.
/// </summary>
public static class FeedWriter
{
    /// <summary>The feed <paramref name="mapping"/>'s department would export for <paramref name="population"/>, with its truth.</summary>
    public static SampleFeed Compose(Population population, SourceMapping mapping, FeedWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(mapping);
        options ??= new FeedWriterOptions();
        var composer = new RowComposer(mapping);
        var stale = new StaleSnapshot(mapping, options, population.Options.Seed);
        var clean = population.People
            .Where(person => !stale.Omits(person))
            .SelectMany(person => DepartmentRecords.For(mapping.Id, person).Select(record => Compose(composer, stale, person, record)))
            .ToList();
        var injector = new MistakeInjector(mapping, options, MistakeSeed(population.Options.Seed, mapping.Id), clean.Count);
        var rows = clean.Select((row, i) => Row(i + 1, row, injector)).ToList();
        return new SampleFeed(mapping, composer.Columns, rows);
    }

    /// <summary>
    /// The police delta sent after the register's snapshot (<see cref="Compose(Population, SourceMapping, FeedWriterOptions?)"/>): the whole record of every person
    /// whose death the snapshot predates (<see cref="Person.DeathReportedLater"/>), now 死亡 with the date. A delta of
    /// a few records is typed with care, so it carries no mistakes; push it with mode <c>delta</c> after the snapshots.
    /// </summary>
    public static SampleFeed ComposePoliceDelta(Population population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var mapping = ShippedSources.Get(ShippedSources.Police);
        var composer = new RowComposer(mapping);
        var rows = population.People
            .Where(p => p.DeathReportedLater)
            .Select((person, i) => new SampleRow(i + 1, person, composer.Compose(DepartmentRecords.PoliceDelta(person)), []))
            .ToList();
        return new SampleFeed(mapping, composer.Columns, rows);
    }

    /// <summary>Writes a composed feed to <paramref name="stream"/> in <paramref name="format"/>; the stream is left open.</summary>
    public static Task WriteAsync(SampleFeed feed, Stream stream, SampleFileFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(stream);
        return SampleFileWriter.WriteAsync(feed.Source, feed.Columns, feed.Rows, stream, format, cancellationToken);
    }

    /// <summary>
    /// Streams a CSV feed (UTF-8 with BOM) of exactly <paramref name="rows"/> data rows for one source, generating
    /// people as it goes: memory stays flat (bar 8 bytes an ID number, to keep them unique) however many rows.
    /// Every generated household is made relevant to the source, so no people are drawn only to be skipped.
    /// </summary>
    public static async Task<LargeFeedSummary> WriteLargeCsvAsync(Stream stream, SourceMapping mapping, long rows, int seed, FeedWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        options ??= new FeedWriterOptions();
        var composer = new RowComposer(mapping);
        var stale = new StaleSnapshot(mapping, options, seed);
        var injector = new MistakeInjector(mapping, options, MistakeSeed(seed, mapping.Id), rows);
        var generator = new PopulationGenerator(new PopulationOptions { Seed = seed, Focus = mapping.Id });
        long withMistakes = 0, rejected = 0;
        var sampleRows = generator.Households()
            .SelectMany(h => h.Members)
            .Where(person => !stale.Omits(person))
            .SelectMany(person => DepartmentRecords.For(mapping.Id, person).Select(record => Compose(composer, stale, person, record)))
            .Take(checked((int)rows))
            .Select((row, i) =>
            {
                var sample = Row(i + 1, row, injector);
                withMistakes += sample.Mistakes.Count > 0 ? 1 : 0;
                rejected += sample.Rejected ? 1 : 0;
                return sample;
            });
        await SampleFileWriter.WriteAsync(mapping, composer.Columns, sampleRows, stream, SampleFileFormat.CsvUtf8Bom, cancellationToken).ConfigureAwait(false);
        return new LargeFeedSummary(rows, withMistakes, rejected);
    }

    /// <summary>As <see cref="WriteLargeCsvAsync(Stream, SourceMapping, long, int, FeedWriterOptions?, CancellationToken)"/>, in the shipped layout of <paramref name="source"/>.</summary>
    public static Task<LargeFeedSummary> WriteLargeCsvAsync(Stream stream, string source, long rows, int seed, FeedWriterOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteLargeCsvAsync(stream, ShippedSources.Get(source), rows, seed, options, cancellationToken);

    /// <summary>
    /// Streams a CSV feed (UTF-8 with BOM) of one source about the first <paramref name="persons"/> people of a
    /// population made relevant to <paramref name="focus"/>: the feeds of several sources written with the same
    /// persons, seed and focus describe the same people, as departments' registers do (the police register places
    /// them, civil affairs adds their assistance). The people are generated twice, to count the rows first.
    /// </summary>
    public static async Task<LargeFeedSummary> WritePopulationCsvAsync(Stream stream, SourceMapping mapping, int persons, int seed, string focus, FeedWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        options ??= new FeedWriterOptions();
        var stale = new StaleSnapshot(mapping, options, seed);
        IEnumerable<Dictionary<string, object?>> RecordsOf(Person person) => stale.Omits(person) ? [] : DepartmentRecords.For(mapping.Id, person);
        IEnumerable<Person> People() => new PopulationGenerator(new PopulationOptions { Seed = seed, Focus = focus })
            .Households().SelectMany(h => h.Members).Take(persons);

        long rows = People().Sum(person => RecordsOf(person).LongCount());
        var composer = new RowComposer(mapping);
        var injector = new MistakeInjector(mapping, options, MistakeSeed(seed, mapping.Id), rows);
        long withMistakes = 0, rejected = 0;
        var sampleRows = People()
            .SelectMany(person => RecordsOf(person).Select(record => Compose(composer, stale, person, record)))
            .Select((row, i) =>
            {
                var sample = Row(i + 1, row, injector);
                withMistakes += sample.Mistakes.Count > 0 ? 1 : 0;
                rejected += sample.Rejected ? 1 : 0;
                return sample;
            });
        await SampleFileWriter.WriteAsync(mapping, composer.Columns, sampleRows, stream, SampleFileFormat.CsvUtf8Bom, cancellationToken).ConfigureAwait(false);
        return new LargeFeedSummary(rows, withMistakes, rejected);
    }

    private static ComposedRow Compose(RowComposer composer, StaleSnapshot stale, Person person, Dictionary<string, object?> record)
    {
        var staleValues = stale.Apply(person, record);
        return new ComposedRow(person, composer.Compose(record), staleValues);
    }

    /// <summary>Cell mistakes first (a rejected row's first mistake is the one the Hub reports), stale values after.</summary>
    private static SampleRow Row(long index, ComposedRow row, MistakeInjector injector) =>
        new(index, row.Person, row.Values, [.. injector.Next(row.Person, row.Values), .. row.Stale]);

    /// <summary>A seed per source, so each department's mistakes differ but replay; string.GetHashCode is randomised per process.</summary>
    private static int MistakeSeed(int seed, string source)
    {
        // FNV-1a.
        var hash = 2166136261u;
        foreach (var c in source)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash ^ seed);
    }

    private sealed record ComposedRow(Person Person, Dictionary<string, string?> Values, IReadOnlyList<InjectedMistake> Stale);
}