using System;
using System.Text;

namespace RingRift.Kernel;

/// <summary>
/// Reads what <see cref="WireWriter"/> wrote. Every read is bounds-checked; malformed input raises
/// <see cref="MalformedMessageException"/>, which codecs turn into a dropped, counted message.
/// </summary>
public ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

    public byte ReadByte()
    {
        if (_position >= _data.Length) throw new MalformedMessageException("truncated at byte " + _position);
        return _data[_position++];
    }

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw new MalformedMessageException("bad bool " + b + " at byte " + (_position - 1)),
    };

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            // The tenth byte carries only bit 63; more would be 2^64 or above, silently truncated.
            if (shift == 63 && (b & 0x7F) > 1) throw new MalformedMessageException("varint exceeds 64 bits at byte " + (_position - 1));
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new MalformedMessageException("varint longer than 10 bytes at byte " + _position);
    }

    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return unchecked((long)(raw >> 1) ^ -(long)(raw & 1));
    }

    public int ReadBoundedInt(int max)
    {
        var value = ReadVarUInt64();
        if (value > (ulong)max) throw new MalformedMessageException("value " + value + " exceeds bound " + max);
        return (int)value;
    }

    public string ReadString(int maxBytes = WireLimits.StringBytesMax)
    {
        var length = ReadBoundedInt(maxBytes);
        if (_data.Length - _position < length) throw new MalformedMessageException("string runs past end");
        var text = Encoding.UTF8.GetString(_data.Slice(_position, length));
        _position += length;
        return text;
    }

    public NodeId ReadNodeId() => new(ReadString(WireLimits.NodeIdBytesMax));
    public Instant ReadInstant() => new(ReadVarInt64());
    public Duration ReadDuration() => new(ReadVarInt64());
}
