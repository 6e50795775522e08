using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Reading;

/// <summary>A read-only stream of two streams one after the other: puts back the bytes read to sniff an encoding.</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : ReadOnlyStream
{
    private bool _firstDone;

    protected override int ReadCore(Span<byte> buffer)
    {
        if (!_firstDone)
        {
            var read = first.Read(buffer);
            if (read > 0)
            {
                return read;
            }

            _firstDone = true;
        }

        return second.Read(buffer);
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!_firstDone)
        {
            var read = await first.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                return read;
            }

            _firstDone = true;
        }

        return await second.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            first.Dispose();
            second.Dispose();
        }

        base.Dispose(disposing);
    }
}
