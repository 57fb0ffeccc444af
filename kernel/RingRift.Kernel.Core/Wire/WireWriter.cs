using System;
using System.Text;

namespace RingRift.Kernel;

/// <summary>
/// Canonical binary encoding of kernel messages: varints, length-prefixed UTF-8. The same bytes
/// go on the wire in the node host and into the trace hash in the simulator. Reusable: call
/// <see cref="Reset"/> between messages so the buffer is allocated once.
/// </summary>
public sealed class WireWriter
{
    private byte[] _buffer;
    private int _length;

    public WireWriter(int initialCapacity = 256) => _buffer = new byte[initialCapacity];

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);
    public int Length => _length;

    public void Reset() => _length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteVarUInt64(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = unchecked((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    /// <summary>Zig-zag encoded so small negative numbers stay small.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64(unchecked((ulong)((value << 1) ^ (value >> 63))));

    /// <summary>Length-prefixed UTF-8; longer than <paramref name="maxBytes"/> is a bug (the reader would reject it).</summary>
    public void WriteString(string value, int maxBytes = WireLimits.StringBytesMax)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        Invariant.True(byteCount <= maxBytes);
        WriteVarUInt64((ulong)byteCount);
        Ensure(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void WriteNodeId(NodeId id) => WriteString(id.Value, WireLimits.NodeIdBytesMax);
    public void WriteInstant(Instant at) => WriteVarInt64(at.Micros);
    public void WriteDuration(Duration span) => WriteVarInt64(span.Micros);

    /// <summary>Appends bytes that are already a canonical encoding, e.g. one cached by an immutable value.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        Ensure(encoded.Length);
        encoded.CopyTo(_buffer.AsSpan(_length));
        _length += encoded.Length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
