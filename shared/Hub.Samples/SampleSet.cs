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