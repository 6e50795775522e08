namespace Hub.Core.Kernel;

/// <summary>
/// A forward-only, read-only stream: the members every pass-through wrapper would otherwise repeat. A subclass
/// implements the two reads (synchronous over a span, asynchronous over memory).
/// </summary>
public abstract class ReadOnlyStream : Stream
{
    private long _position;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes read so far.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public sealed override int Read(Span<byte> buffer) => Advance(ReadCore(buffer));

    /// <inheritdoc />
    public sealed override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await ReadCoreAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads into <paramref name="buffer"/>; returns the bytes read, 0 at the end.</summary>
    protected abstract int ReadCore(Span<byte> buffer);

    /// <summary>Reads into <paramref name="buffer"/>; returns the bytes read, 0 at the end.</summary>
    protected abstract ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    private int Advance(int read)
    {
        _position += read;
        return read;
    }
}
