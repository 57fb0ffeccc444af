using System;
using System.Globalization;

namespace RingRift.Kernel;

/// <summary>
/// A 128-bit hash of a file's bytes (XXH128 in the hosts). The kernel never reads files: hosts hash
/// what they wrote or received and report it, and the planner and the durability rule compare these
/// values only. Two copies are "the same file" only when path and hash are equal. Encoded as 16 bytes,
/// high word first.
/// </summary>
public readonly record struct ContentHash(ulong High, ulong Low) : IComparable<ContentHash>
{
    public const int EncodedBytes = 16;

    public int CompareTo(ContentHash other)
    {
        var high = High.CompareTo(other.High);
        return high != 0 ? high : Low.CompareTo(other.Low);
    }

    public void Write(WireWriter writer)
    {
        Span<byte> bytes = stackalloc byte[EncodedBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        writer.WriteRaw(bytes);
    }

    public static ContentHash Read(ref WireReader reader)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 8; i++) high = (high << 8) | reader.ReadByte();
        for (var i = 0; i < 8; i++) low = (low << 8) | reader.ReadByte();
        return new ContentHash(high, low);
    }

    public override string ToString() =>
        High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x16", CultureInfo.InvariantCulture);
}
