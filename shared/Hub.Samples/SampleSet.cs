namespace Hub.Samples;

/// <summary>
/// One feed per shipped department, each in the format that department typically sends, so a single sample set
/// exercises every reader the Hub has: UTF-8 CSV with BOM, GB18030 CSV without, XLSX and NDJSON.
/// </summary>
public static class SampleSet
{
    /// <summary>The file name and format of each department's sample.</summary>
    public static IReadOnlyList<(string Source, string FileName, SampleFileFormat Format)> Layout { get; } =
    [
        (ShippedSources.CivilAffairs, "civil-affairs.csv", SampleFileFormat.CsvUtf8Bom),
        (ShippedSources.Police, "police.csv", SampleFileFormat.CsvGb18030),
        (ShippedSources.DisabilityFederation, "disability-federation.xlsx", SampleFileFormat.Xlsx),
        (ShippedSources.HousingSecurity, "housing-security.ndjson", SampleFileFormat.Ndjson),
    ];

    /// <summary>The file name and format of the police delta that follows the snapshots (<see cref="WritePoliceDeltaAsync"/>).</summary>
    public static (string Source, string FileName, SampleFileFormat Format) PoliceDelta { get; } =
        (ShippedSources.Police, "police-delta.csv", SampleFileFormat.CsvGb18030);

    /// <summary>
    /// Writes the police delta of <paramref name="population"/> (<see cref="FeedWriter.ComposePoliceDelta"/>) into
    /// <paramref name="directory"/>: the deaths the register's snapshot predates, 低保 recipients among them. Push it
    /// with mode <c>delta</c> after the four feeds of <see cref="WriteAsync"/>.
    /// </summary>
    public static async Task<SampleFile> WritePoliceDeltaAsync(Population population, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var feed = FeedWriter.ComposePoliceDelta(population);
        var path = Path.Combine(directory, PoliceDelta.FileName);
        await using (var stream = File.Create(path))
        {
            await FeedWriter.WriteAsync(feed, stream, PoliceDelta.Format, cancellationToken).ConfigureAwait(false);
        }

        return new SampleFile(path, PoliceDelta.Format, feed);
    }

    /// <summary>Writes the four departments' feeds of <paramref name="population"/> into <paramref name="directory"/>, creating it if needed.</summary>
    public static async Task<IReadOnlyList<SampleFile>> WriteAsync(Population population, string directory, FeedWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var files = new List<SampleFile>(Layout.Count);
        foreach (var (source, fileName, format) in Layout)
        {
            var feed = FeedWriter.Compose(population, ShippedSources.Get(source), options);
            var path = Path.Combine(directory, fileName);
            await using (var stream = File.Create(path))
            {
                await FeedWriter.WriteAsync(feed, stream, format, cancellationToken).ConfigureAwait(false);
            }

            files.Add(new SampleFile(path, format, feed));
        }

        return files;
    }
}