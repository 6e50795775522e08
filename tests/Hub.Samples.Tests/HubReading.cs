using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Samples.Tests;

/// <summary>Reads a sample file back exactly as the Hub does: the shipped mapping file, FeedReader, RecordNormaliser.</summary>
internal static class HubReading
{
    public static SourceMapping Mapping(string source) => SourceCatalog.LoadFile(ShippedFiles.Source(source));

    public static FeedContentType ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.Xlsx => new FeedContentType(FeedFormat.Xlsx, null),
        SampleFileFormat.Json => new FeedContentType(FeedFormat.Json, null),
        SampleFileFormat.Ndjson => new FeedContentType(FeedFormat.Ndjson, null),
        _ => new FeedContentType(FeedFormat.Csv, null),
    };

    public static async Task<byte[]> WriteAsync(SampleFeed feed, SampleFileFormat format)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        return stream.ToArray();
    }

    public static async Task<Outcome> NormaliseAsync(byte[] file, SampleFileFormat format, SourceMapping mapping)
    {
        var normaliser = new RecordNormaliser(mapping, ChinaStandardTime.DateOf(DateTimeOffset.UtcNow));
        var outcome = new Outcome();
        using var stream = new MemoryStream(file);
        await foreach (var row in FeedReader.ReadAsync(stream, ContentType(format), mapping.Encoding))
        {
            if (outcome.Rows++ == 0)
            {
                outcome.MissingColumns.AddRange(normaliser.MissingRequiredColumns(row.Values.Keys));
            }

            if (normaliser.TryNormalise(row, out var record, out var rejections))
            {
                outcome.Records.Add(record!);
            }
            else
            {
                outcome.Rejections.AddRange(rejections);
            }
        }

        return outcome;
    }

    internal sealed class Outcome
    {
        public long Rows { get; set; }

        public List<string> MissingColumns { get; } = [];

        public List<NormalisedRecord> Records { get; } = [];

        public List<Rejection> Rejections { get; } = [];
    }
}
