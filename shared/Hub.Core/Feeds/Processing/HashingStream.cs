using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Passes a request body through while hashing it (SHA-256), counting it and enforcing a size limit. The first error
/// reading the body (the client went away, the limit was passed, compressed data was damaged) is kept and raised again
/// on every later read: the storage client retries a failed upload, and a retry must not read on past the fault and
/// store what is left as if it were the whole feed.
/// </summary>
internal sealed class HashingStream(Stream inner, long limit) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ExceptionDispatchInfo? _fault;

    public override long Length => Position;

    /// <summary>The error that stopped the body being read, if one did.</summary>
    public Exception? Fault => _fault?.SourceException;

    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    protected override int ReadCore(Span<byte> buffer)
    {
        _fault?.Throw();
        try
        {
            var read = inner.Read(buffer);
            Account(buffer[..read]);
            return read;
        }
        catch (Exception ex)
        {
            _fault = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _fault?.Throw();
        try
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Account(buffer.Span[..read]);
            return read;
        }
        catch (Exception ex)
        {
            _fault = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
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
