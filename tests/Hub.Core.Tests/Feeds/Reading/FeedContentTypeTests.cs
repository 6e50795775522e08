using Hub.Core.Feeds.Reading;

namespace Hub.Core.Tests.Feeds.Reading;

public sealed class FeedContentTypeTests
{
    [Theory]
    [InlineData("text/csv", FeedFormat.Csv, null)]
    [InlineData("text/csv; charset=utf-8", FeedFormat.Csv, "utf-8")]
    [InlineData("text/csv; charset=UTF-8", FeedFormat.Csv, "utf-8")]
    [InlineData("text/csv;charset=gb18030", FeedFormat.Csv, "gb18030")]
    [InlineData("text/csv; charset=GBK", FeedFormat.Csv, "gbk")]
    [InlineData("text/csv; charset=\"gb2312\"", FeedFormat.Csv, "gb2312")]
    [InlineData("TEXT/CSV", FeedFormat.Csv, null)]
    [InlineData("application/csv", FeedFormat.Csv, null)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FeedFormat.Xlsx, null)]
    [InlineData("application/json", FeedFormat.Json, null)]
    [InlineData("application/json; charset=utf-8", FeedFormat.Json, "utf-8")]
    [InlineData("application/x-ndjson", FeedFormat.Ndjson, null)]
    [InlineData("application/ndjson", FeedFormat.Ndjson, null)]
    [InlineData("application/jsonl", FeedFormat.Ndjson, null)]
    public void Accepted_media_types_and_charsets_are_parsed(string header, FeedFormat format, string? charset)
    {
        Assert.True(FeedContentType.TryParse(header, out var contentType));

        Assert.Equal(new FeedContentType(format, charset), contentType);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    [InlineData("application/vnd.ms-excel")]
    [InlineData("application/octet-stream")]
    [InlineData("text/csv; charset=latin1")]
    [InlineData("text/csv; charset=iso-8859-1")]
    [InlineData("text/csv; charset=big5")]
    [InlineData("text/csv; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/json; charset=gb18030")]
    [InlineData("application/x-ndjson; charset=gbk")]
    [InlineData("not a media type")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_media_types_and_charsets_are_rejected(string? header)
    {
        var accepted = FeedContentType.TryParse(header, out var contentType);

        Assert.False(accepted);
        Assert.Null(contentType);
    }

    [Theory]
    [InlineData("TEXT/CSV; Charset=GBK", "text/csv; charset=gbk")]
    [InlineData("application/csv", "text/csv")]
    [InlineData("application/jsonl", "application/x-ndjson")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public void Canonical_form_is_stored_and_parses_back_to_the_same_type(string header, string canonical)
    {
        Assert.True(FeedContentType.TryParse(header, out var contentType));

        Assert.Equal(canonical, contentType.ToString());
        Assert.True(FeedContentType.TryParse(contentType.ToString(), out var again));
        Assert.Equal(contentType.Format, again.Format);
    }

    [Fact]
    public void Every_supported_media_type_is_accepted()
    {
        Assert.All(FeedContentType.Supported, mediaType => Assert.True(FeedContentType.TryParse(mediaType, out _), mediaType));
    }

    [Theory]
    [InlineData("text/csv", "text/csv; charset=utf-8", false)]
    [InlineData("text/csv; charset=utf-8", "text/csv; charset=gb18030", false)]
    [InlineData("text/csv; charset=gbk", "text/csv; charset=GB18030", true)]
    [InlineData("text/csv; charset=utf8", "text/csv; charset=UTF-8", true)]
    [InlineData("text/csv", "application/json", false)]
    [InlineData("application/json", "application/json; charset=utf-8", true)]
    [InlineData("application/x-ndjson", "application/json", false)]
    public void Types_read_alike_share_a_reading_key_and_others_do_not(string first, string second, bool same)
    {
        Assert.True(FeedContentType.TryParse(first, out var a));
        Assert.True(FeedContentType.TryParse(second, out var b));

        Assert.Equal(same, a.ReadingKey == b.ReadingKey);
        Assert.DoesNotContain('/', a.ReadingKey);
    }
}
