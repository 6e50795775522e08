using Hub.Core.Feeds.Processing;

namespace Hub.Core.Tests.Feeds.Processing;

public sealed class HashingStreamTests
{
    [Fact]
    public async Task A_body_that_failed_once_fails_on_every_later_read_rather_than_reading_on()
    {
        var body = new FailingOnceStream(new MemoryStream(new byte[1000]), failAfter: 100);
        await using var hashing = new HashingStream(body, limit: 10_000);
        var buffer = new byte[100];
        await hashing.ReadExactlyAsync(buffer);

        var first = await Assert.ThrowsAsync<IOException>(async () => await hashing.ReadExactlyAsync(buffer));
        var again = await Assert.ThrowsAsync<IOException>(async () => await hashing.ReadExactlyAsync(buffer));

        Assert.Same(first, again);
        Assert.Same(first, hashing.Fault);
        Assert.Equal(100, hashing.Length);
    }

    [Fact]
    public async Task Passing_the_limit_is_a_fault_that_stays()
    {
        await using var hashing = new HashingStream(new MemoryStream(new byte[1000]), limit: 500);
        var buffer = new byte[400];
        await hashing.ReadExactlyAsync(buffer);

        await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await hashing.ReadExactlyAsync(buffer));

        Assert.IsType<PayloadTooLargeException>(hashing.Fault);
        await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await hashing.ReadExactlyAsync(new byte[1]));
    }

    /// <summary>A body whose connection drops once, after which more bytes would be there to read.</summary>
    private sealed class FailingOnceStream(Stream inner, long failAfter) : Stream
    {
        private bool _failed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!_failed && inner.Position >= failAfter)
            {
                _failed = true;
                throw new IOException("the connection dropped");
            }

            return inner.Read(buffer, offset, (int)Math.Min(count, Math.Max(1, failAfter - inner.Position)));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
