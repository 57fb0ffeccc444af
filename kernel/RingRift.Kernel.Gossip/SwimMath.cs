using System.Numerics;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The logarithms SWIM's timeouts are scaled by, in integer fixed point so that every node and every
/// run compute the same deadlines to the microsecond (no floating point in decisions).
/// </summary>
public static class SwimMath
{
    /// <summary>Fixed-point one: values below are Q16 (65536 = 1.0).</summary>
    public const long One = 1L << 16;

    /// <summary>
    /// log2(<paramref name="x"/>) in Q16, truncated, for x ≥ 1: the integer part from the highest set
    /// bit, then sixteen fraction bits by repeated squaring of the mantissa (kept in Q30, so a square
    /// fits in 62 bits). Exact at powers of two; within 2^-16 of the true value elsewhere.
    /// </summary>
    public static long Log2Q16(ulong x)
    {
        Invariant.True(x >= 1);
        var whole = 63 - BitOperations.LeadingZeroCount(x);
        var mantissa = whole >= 30 ? x >> (whole - 30) : x << (30 - whole);
        var result = (long)whole << 16;
        for (var bit = 15; bit >= 0; bit--)
        {
            mantissa = (mantissa * mantissa) >> 30;
            if (mantissa >= 1UL << 31)
            {
                mantissa >>= 1;
                result |= 1L << bit;
            }
        }
        return result;
    }

    /// <summary>log10(<paramref name="x"/>) in Q16, as log2(x)·log10(2) with log10(2) ≈ 19728/65536.</summary>
    public static long Log10Q16(ulong x) => Log2Q16(x) * 19_728 >> 16;

    /// <summary>⌈log10(x + 1)⌉ exactly: the number of decimal digits of x (0 for x = 0).</summary>
    public static int CeilLog10OfSuccessor(long x)
    {
        Invariant.True(x >= 0);
        var digits = 0;
        for (var rest = x; rest > 0; rest /= 10) digits++;
        return digits;
    }
}
