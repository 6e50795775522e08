namespace Hub.Samples.Tests;

public sealed class LargeFeedTests
{
    [Theory]
    [InlineData("police")]
    [InlineData("civil-affairs")]
    [InlineData("disability-federation")]
    [InlineData("housing-security")]
    public async Task A_large_feed_has_exactly_the_requested_rows_and_the_rejections_it_reports(string source)
    {
        var mapping = HubReading.Mapping(source) with { MatchWithoutId = false };
        using var stream = new MemoryStream();

        var summary = await FeedWriter.WriteLargeCsvAsync(stream, mapping, rows: 20_000, seed: 3);
        var outcome = await HubReading.NormaliseAsync(stream.ToArray(), SampleFileFormat.CsvUtf8Bom, mapping);

        Assert.Equal(20_000, summary.Rows);
        Assert.Equal(20_000, outcome.Rows);
        Assert.Equal(400, summary.RowsWithMistakes);
        Assert.Equal(summary.RowsRejected, outcome.Rejections.Select(r => r.Row).Distinct().Count());
    }

    [Fact]
    public async Task A_large_feed_is_reproducible_from_its_seed()
    {
        var mapping = HubReading.Mapping(ShippedSources.CivilAffairs);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await FeedWriter.WriteLargeCsvAsync(first, mapping, 5_000, seed: 9);
        await FeedWriter.WriteLargeCsvAsync(second, ShippedSources.CivilAffairs, 5_000, seed: 9);

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
