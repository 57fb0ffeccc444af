namespace RingRift.Kernel.Gossip;

/// <summary>
/// Worst-case sizes of the gossip wire format, from which the payload bounds in
/// <see cref="GossipConfig"/> are validated, and the reads every gossip decoder shares.
/// </summary>
public static class GossipWire
{
    /// <summary>The longest varint: a 64-bit value in 7-bit groups.</summary>
    public const int VarIntBytesMax = 10;

    /// <summary>A node id: at most 256 UTF-8 bytes (what <see cref="WireReader.ReadNodeId"/> accepts) and a two-byte length.</summary>
    public const int NodeIdBytesMax = 2 + WireLimits.NodeIdBytesMax;

    /// <summary>An optional node id: a presence flag, then the id.</summary>
    public const int OptionalNodeIdBytesMax = 1 + NodeIdBytesMax;

    /// <summary>Incarnations, versions and epochs only count up from zero; a negative one is malformed.</summary>
    public static long ReadCount(ref WireReader reader, string what)
    {
        var value = reader.ReadVarInt64();
        if (value < 0) throw new MalformedMessageException(what + " is negative: " + value);
        return value;
    }

    /// <summary>The bytes <see cref="WireWriter.WriteVarUInt64"/> writes for <paramref name="value"/>.</summary>
    public static int VarUIntBytes(ulong value)
    {
        var bytes = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            bytes++;
        }
        return bytes;
    }

    /// <summary>The bytes <see cref="WireWriter.WriteVarInt64"/> writes for <paramref name="value"/> (zig-zag).</summary>
    public static int VarIntBytes(long value) => VarUIntBytes(unchecked((ulong)((value << 1) ^ (value >> 63))));

    public static NodeId? ReadOptionalNodeId(ref WireReader reader) => reader.ReadBool() ? reader.ReadNodeId() : null;

    public static void WriteOptionalNodeId(WireWriter writer, NodeId? node)
    {
        writer.WriteBool(node is not null);
        if (node is { } present) writer.WriteNodeId(present);
    }
}
