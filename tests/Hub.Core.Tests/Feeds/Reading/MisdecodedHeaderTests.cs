using System.Text;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Feeds.Reading;

/// <summary>A header that does not fit its mapping because it was read in the wrong encoding is reported as an encoding problem.</summary>
public sealed class MisdecodedHeaderTests
{
    private const string Csv = "身份证号码,姓名,救助类型,享受起始日期,居住地区划代码\r\n11010519491231002X,王秀英,低保,2024-03-01,110105003002\r\n";

    private static readonly SourceMapping CivilAffairs = SourceCatalog.LoadFile(ShippedFiles.Source("civil-affairs"));

    [Fact]
    public async Task A_utf8_file_pushed_as_gb18030_fails_naming_the_encoding_and_the_charset_that_fits()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(Csv), "text/csv; charset=gb18030"));

        Assert.Equal(1, failure.Row);
        Assert.Contains("UTF-8 text read as GB18030", failure.Message, StringComparison.Ordinal);
        Assert.Contains("charset=gb18030", failure.Message, StringComparison.Ordinal);
        Assert.Contains("push the file with charset=utf-8", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf8_file_of_a_source_configured_as_gb18030_fails_naming_the_mapping_setting()
    {
        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(Csv), "text/csv", "gb18030"));

        Assert.Contains("UTF-8 text read as GB18030", failure.Message, StringComparison.Ordinal);
        Assert.Contains("mapping sets encoding gb18030", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gb18030_file_once_read_as_latin1_and_saved_as_utf8_is_named_mojibake()
    {
        var garbled = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(CharsetEncoding.Gb18030.GetBytes(Csv)));

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync(garbled, "text/csv"));

        Assert.Contains("mojibake", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GB18030 text that a tool read as Latin-1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_that_lacks_a_column_in_the_right_encoding_is_not_blamed_on_the_encoding()
    {
        var body = CharsetEncoding.Gb18030.GetBytes("身份证号码,姓名\r\n11010519491231002X,王秀英\r\n");

        var failure = await Assert.ThrowsAsync<FeedFormatException>(() => ReadAsync(body, "text/csv; charset=gb18030"));

        Assert.Contains("lacks required columns", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-8", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mojibake", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gb18030_file_read_as_gb18030_reads_well()
    {
        var rows = await ReadAsync(CharsetEncoding.Gb18030.GetBytes(Csv), "text/csv; charset=gb18030");

        Assert.Equal("王秀英", Assert.Single(rows).Values["姓名"]);
    }

    private static async Task<List<Hub.Core.Feeds.FeedRow>> ReadAsync(byte[] body, string contentType, string configured = "auto")
    {
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));
        var validator = new FeedRecordValidator(CivilAffairs, FeedFormat.Csv, hasher, FeedDates.Received);
        return await FeedFiles.ReadAllAsync(body, contentType, configured, validator.CheckHeader);
    }
}
