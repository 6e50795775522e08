using System.Buffers;
using System.IO.Compression;
using Hub.Core.Kernel;

namespace Hub.Functions.Feeds;

/// <summary>
/// A brotli-encoded request body, decompressed, that fails when the data is cut short or damaged. BrotliStream ends
/// quietly when its input runs out mid-stream; the decoder itself says whether it reached the stream's last block,
/// so it is driven here and a body that ends before that block (or goes on after it) raises
/// <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class BrotliRequestBody(Stream body) : ReadOnlyStream
{
    private const string Broken = "the brotli data ends early or is damaged (send the whole file, compressed once, as one brotli stream)";

    private readonly byte[] _input = new byte[64 * 1024];
    private BrotliDecoder _decoder;
    private int _start;
    private int _end;
    private long _received;
    private bool _inputEnded;
    private bool _done;

    protected override int ReadCore(Span<byte> buffer)
    {
        while (true)
        {
            if (Decode(buffer, out var written))
            {
                return written;
            }

            Refill(body.Read(FreeInput()));
        }
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Decode(buffer.Span, out var written))
            {
                return written;
            }

            FreeInput();
            Refill(await body.ReadAsync(_input.AsMemory(_end), cancellationToken).ConfigureAwait(false));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Decodes what input there is; false when more input is needed before anything can be returned.</summary>
    private bool Decode(Span<byte> buffer, out int written)
    {
        written = 0;
        if (buffer.IsEmpty)
        {
            return true;
        }

        if (_done)
        {
            // Bytes after the last block mean the body is not one brotli stream.
            if (_start < _end)
            {
                throw new InvalidDataException(Broken);
            }

            return _inputEnded;
        }

        if (_inputEnded && _received == 0)
        {
            return true;
        }

        var status = _decoder.Decompress(_input.AsSpan(_start, _end - _start), buffer, out var consumed, out written);
        _start += consumed;
        switch (status)
        {
            case OperationStatus.InvalidData:
                throw new InvalidDataException(Broken);
            case OperationStatus.Done:
                _done = true;
                return written > 0 || Decode(buffer, out written);
            case OperationStatus.NeedMoreData when written == 0 && _inputEnded:
                throw new InvalidDataException(Broken);
            default:
                return written > 0;
        }
    }

    /// <summary>Moves the input not yet decoded to the front, and returns the room after it.</summary>
    private Span<byte> FreeInput()
    {
        _input.AsSpan(_start, _end - _start).CopyTo(_input);
        _end -= _start;
        _start = 0;
        return _input.AsSpan(_end);
    }

    private void Refill(int read)
    {
        _inputEnded = read == 0;
        _end += read;
        _received += read;
    }
}
