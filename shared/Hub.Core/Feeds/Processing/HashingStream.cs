using System.Security.Cryptography;
using Hub.Core.IO;

namespace Hub.Core.Feeds.Processing;

/// <summary>Passes a request body through while hashing it (SHA-256), counting it and enforcing a size limit.</summary>
internal sealed class HashingStream(Stream inner, long limit) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override long Length => Position;

    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    protected override int ReadCore(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Account(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        if (Position + data.Length > limit)
        {
            throw new PayloadTooLargeException();
        }

        _hash.AppendData(data);
    }
}
