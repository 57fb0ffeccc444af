using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RingRift.Adapters.Sync;

/// <summary>At most <c>length</c> bytes of an inner stream, read forward only; each read counts as progress against the stall bound.</summary>
internal sealed class RangeStream(Stream inner, long length, StallGuard guard) : Stream
{
    private readonly long _length = length;
    private long _left = length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _length - _left; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_left == 0) return 0;
        var want = (int)Math.Min(buffer.Length, _left);
        var read = await inner.ReadAsync(buffer[..want], cancellationToken).ConfigureAwait(false);
        _left -= read;
        guard.Progress();
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
