using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary>Reads a file forward-only and reports how many bytes have been read, for the upload progress bar.</summary>
internal sealed class UploadProgressStream(Stream inner, Action<long> progress) : ReadOnlyStream
{
    public override long Length => inner.Length;

    protected override int ReadCore(Span<byte> buffer) => Report(inner.Read(buffer));

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Report(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Report(int read)
    {
        progress(Position + read);
        return read;
    }
}
