using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Hub.Core.Kernel;

namespace Hub.Functions.Feeds;

/// <summary>
/// A gzip-encoded request body, decompressed, that fails when the data is cut short or damaged. GZipStream alone ends
/// quietly at a truncated stream and skips bytes after the end, so a half-sent file would pass as a whole one; here the
/// gzip trailer (CRC-32 and length of the original) is checked against what was decompressed once the body ends, and
/// a mismatch raises <see cref="InvalidDataException"/>. A body of several gzip members fails the check too.
/// </summary>
internal sealed class GzipRequestBody : ReadOnlyStream
{
    private const int TrailerBytes = 8;

    /// <summary>The shortest gzip stream: a 10-byte header, an empty deflate block and the trailer.</summary>
    private const int MinimumBytes = 20;

    private readonly TailStream _raw;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _ended;

    public GzipRequestBody(Stream body)
    {
        _raw = new TailStream(body);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress, leaveOpen: true);
    }

    protected override int ReadCore(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        if (read == 0)
        {
            Span<byte> rest = stackalloc byte[512];
            while (_raw.Read(rest) > 0)
            {
            }
        }

        return Account(buffer[..read]);
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            // The trailer is the last 8 bytes of the body, so read whatever GZipStream left unread.
            var rest = new byte[512];
            while (await _raw.ReadAsync(rest, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        return Account(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _raw.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            _crc.Append(data);
            _length += data.Length;
            return data.Length;
        }

        if (_ended || _raw.Position == 0)
        {
            return 0;
        }

        _ended = true;
        var tail = _raw.Tail;
        if (_raw.Position < MinimumBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(tail) != _crc.GetCurrentHashAsUInt32()
            || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != unchecked((uint)_length))
        {
            throw new InvalidDataException("the gzip data ends early or is damaged: its trailer does not match what it decompresses to (send the whole file, compressed once, as one gzip stream)");
        }

        return 0;
    }

    /// <summary>Passes a stream through and keeps its last bytes, where gzip puts its trailer.</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[TrailerBytes];

        public ReadOnlySpan<byte> Tail => _tail;

        protected override int ReadCore(Span<byte> buffer) => Keep(buffer[..inner.Read(buffer)]);

        protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Keep(buffer.Span[..read]);
        }

        private int Keep(ReadOnlySpan<byte> data)
        {
            if (data.Length >= TrailerBytes)
            {
                data[^TrailerBytes..].CopyTo(_tail);
            }
            else if (!data.IsEmpty)
            {
                _tail.AsSpan(data.Length).CopyTo(_tail);
                data.CopyTo(_tail.AsSpan(TrailerBytes - data.Length));
            }

            return data.Length;
        }
    }
}
