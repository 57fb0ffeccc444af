using System;

namespace RingRift.Kernel;

/// <summary>
/// A point on one node's local monotonic clock, in microseconds since that clock's origin.
/// Instants from different nodes are not comparable; the kernel never mixes them.
/// </summary>
public readonly record struct Instant(long Micros) : IComparable<Instant>
{
    public static readonly Instant Zero = new(0);
    public static readonly Instant MaxValue = new(long.MaxValue);

    public int CompareTo(Instant other) => Micros.CompareTo(other.Micros);

    public static Instant operator +(Instant at, Duration by) => new(checked(at.Micros + by.Micros));
    public static Instant operator -(Instant at, Duration by) => new(checked(at.Micros - by.Micros));
    public static Duration operator -(Instant later, Instant earlier) => new(checked(later.Micros - earlier.Micros));
    public static bool operator <(Instant a, Instant b) => a.Micros < b.Micros;
    public static bool operator >(Instant a, Instant b) => a.Micros > b.Micros;
    public static bool operator <=(Instant a, Instant b) => a.Micros <= b.Micros;
    public static bool operator >=(Instant a, Instant b) => a.Micros >= b.Micros;

    public static Instant Min(Instant a, Instant b) => a.Micros <= b.Micros ? a : b;
    public static Instant Max(Instant a, Instant b) => a.Micros >= b.Micros ? a : b;

    public override string ToString() => "t+" + new Duration(Micros).ToString();
}
