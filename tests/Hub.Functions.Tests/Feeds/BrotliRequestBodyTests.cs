using System.IO.Compression;
using Hub.Functions.Feeds;

namespace Hub.Functions.Tests.Feeds;

public sealed class BrotliRequestBodyTests
{
    private static readonly byte[] Feed = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i},测试{i},{i * 7919 % 104729}\r\n")));

    [Fact]
    public async Task A_whole_brotli_stream_decompresses_to_the_feed()
    {
        Assert.Equal(Feed, await DecompressAsync(Brotli(Feed), chunk: 4096));
    }

    [Fact]
    public async Task A_whole_brotli_stream_read_a_few_bytes_at_a_time_decompresses_to_the_feed()
    {
        Assert.Equal(Feed, await DecompressAsync(Brotli(Feed), chunk: 7));
    }

    [Fact]
    public async Task An_empty_body_decompresses_to_nothing()
    {
        Assert.Empty(await DecompressAsync([], chunk: 4096));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(2000)]
    public async Task A_stream_cut_short_fails(int missing)
    {
        var brotli = Brotli(Feed);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(brotli[..^missing], chunk: 4096));

        Assert.Contains("ends early or is damaged", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_after_the_end_of_the_stream_fail()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync([.. Brotli(Feed), .. "trailing"u8], chunk: 4096));
    }

    [Fact]
    public async Task Data_that_is_not_brotli_fails()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync("身份证号码,姓名\r\n"u8.ToArray(), chunk: 4096));
    }

    private static async Task<byte[]> DecompressAsync(byte[] body, int chunk)
    {
        await using var stream = new BrotliRequestBody(new MemoryStream(body));
        using var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }
}
