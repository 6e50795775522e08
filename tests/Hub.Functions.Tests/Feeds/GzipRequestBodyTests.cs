using System.IO.Compression;
using Hub.Functions.Feeds;

namespace Hub.Functions.Tests.Feeds;

public sealed class GzipRequestBodyTests
{
    private static readonly byte[] Feed = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},测试{i}\r\n")));

    [Fact]
    public async Task A_whole_gzip_stream_decompresses_to_the_feed()
    {
        Assert.Equal(Feed, await DecompressAsync(Gzip(Feed)));
    }

    [Fact]
    public async Task An_empty_body_decompresses_to_nothing()
    {
        Assert.Empty(await DecompressAsync([]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(500)]
    public async Task A_stream_cut_short_fails(int missing)
    {
        var gzip = Gzip(Feed);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(gzip[..^missing]));

        Assert.Contains("ends early or is damaged", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_after_the_end_of_the_stream_fail()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync([.. Gzip(Feed), .. "trailing"u8]));
    }

    private static async Task<byte[]> DecompressAsync(byte[] body)
    {
        await using var stream = new GzipRequestBody(new MemoryStream(body));
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
