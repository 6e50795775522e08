namespace Hub.Core.Feeds.Reading;

/// <summary>The first bytes of a stream, read to sniff it, and the whole stream again with those bytes put back.</summary>
internal sealed class PeekedStream
{
    private PeekedStream(byte[] head, int length, Stream replay)
    {
        Head = head.AsMemory(0, length);
        Replay = replay;
    }

    /// <summary>The bytes read ahead; fewer than asked for only when the stream is that short.</summary>
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>The stream from its first byte.</summary>
    public Stream Replay { get; }

    public static async Task<PeekedStream> ReadAsync(Stream stream, int bytes, CancellationToken cancellationToken)
    {
        var head = new byte[bytes];
        var total = 0;
        while (total < head.Length)
        {
            var read = await stream.ReadAsync(head.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return new PeekedStream(head, total, new ConcatenatedStream(new MemoryStream(head, 0, total, writable: false), stream));
    }
}
