using Hub.Core.Feeds.Reading;

namespace Hub.Cli.Tests;

public sealed class FeedFileTypesTests
{
    [Theory]
    [InlineData("民政/低保名册.csv", "text/csv", FeedFormat.Csv)]
    [InlineData("POLICE.CSV", "text/csv", FeedFormat.Csv)]
    [InlineData("残联.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FeedFormat.Xlsx)]
    [InlineData("feed.json", "application/json", FeedFormat.Json)]
    [InlineData("feed.ndjson", "application/x-ndjson", FeedFormat.Ndjson)]
    [InlineData("feed.jsonl", "application/x-ndjson", FeedFormat.Ndjson)]
    [InlineData("低保名册.csv.gz", "text/csv", FeedFormat.Csv)]
    [InlineData("feed.NDJSON.GZ", "application/x-ndjson", FeedFormat.Ndjson)]
    public void The_content_type_follows_the_extension_and_the_hub_accepts_it(string path, string expected, FeedFormat format)
    {
        var inferred = FeedFileTypes.Infer(path);

        Assert.Equal(expected, inferred);
        Assert.True(FeedContentType.TryParse(inferred, out var parsed));
        Assert.Equal(format, parsed.Format);
    }

    [Theory]
    [InlineData("feed.txt")]
    [InlineData("feed.xls")]
    [InlineData("feed")]
    [InlineData("feed.gz")]
    [InlineData("feed.txt.gz")]
    public void An_extension_the_hub_does_not_read_gives_no_content_type(string path) => Assert.Null(FeedFileTypes.Infer(path));
}
