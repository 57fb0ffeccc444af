using System;
using System.Globalization;

namespace RingRift.Kernel;

/// <summary>
/// A fraction in basis points (1/10,000). Decisions use it instead of floating point so that
/// every node and every run compute bit-identical results.
/// </summary>
public readonly record struct Ratio(int BasisPoints) : IComparable<Ratio>
{
    public const int BasisPointsPerOne = 10_000;

    public static readonly Ratio Zero = new(0);
    public static readonly Ratio One = new(BasisPointsPerOne);

    public static Ratio FromPercent(int percent) => new(checked(percent * 100));

    /// <summary>numerator / denominator, rounded toward zero; a zero denominator is zero.</summary>
    public static Ratio Of(long numerator, long denominator) =>
        denominator == 0 ? Zero : new((int)(checked(numerator * BasisPointsPerOne) / denominator));

    /// <summary>True with this probability, drawing from <paramref name="prng"/>.</summary>
    public bool Sample(Prng prng) => BasisPoints > 0 && prng.NextBelow(BasisPointsPerOne) < (ulong)BasisPoints;

    public long Of(long value) => checked(value * BasisPoints) / BasisPointsPerOne;

    public int CompareTo(Ratio other) => BasisPoints.CompareTo(other.BasisPoints);

    public static bool operator <(Ratio a, Ratio b) => a.BasisPoints < b.BasisPoints;
    public static bool operator >(Ratio a, Ratio b) => a.BasisPoints > b.BasisPoints;
    public static bool operator <=(Ratio a, Ratio b) => a.BasisPoints <= b.BasisPoints;
    public static bool operator >=(Ratio a, Ratio b) => a.BasisPoints >= b.BasisPoints;

    public override string ToString()
    {
        // The sign is written separately: -5 basis points has a whole part of 0, which has no sign.
        var magnitude = Math.Abs((long)BasisPoints);
        return (BasisPoints < 0 ? "-" : "") +
            (magnitude / 100).ToString(CultureInfo.InvariantCulture) + "." +
            (magnitude % 100).ToString("00", CultureInfo.InvariantCulture) + "%";
    }
}
