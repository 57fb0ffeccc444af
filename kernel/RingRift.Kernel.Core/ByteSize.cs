using System;
using System.Globalization;

namespace RingRift.Kernel;

/// <summary>A size in bytes.</summary>
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    public static readonly ByteSize Zero = new(0);

    public static ByteSize FromMegabytes(long mb) => new(checked(mb * 1_000_000));
    public static ByteSize FromGigabytes(long gb) => new(checked(gb * 1_000_000_000));

    public long WholeGigabytes => Bytes / 1_000_000_000;

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static ByteSize operator +(ByteSize a, ByteSize b) => new(checked(a.Bytes + b.Bytes));
    public static ByteSize operator -(ByteSize a, ByteSize b) => new(checked(a.Bytes - b.Bytes));
    public static bool operator <(ByteSize a, ByteSize b) => a.Bytes < b.Bytes;
    public static bool operator >(ByteSize a, ByteSize b) => a.Bytes > b.Bytes;
    public static bool operator <=(ByteSize a, ByteSize b) => a.Bytes <= b.Bytes;
    public static bool operator >=(ByteSize a, ByteSize b) => a.Bytes >= b.Bytes;

    public override string ToString() => Bytes.ToString(CultureInfo.InvariantCulture) + "B";
}
