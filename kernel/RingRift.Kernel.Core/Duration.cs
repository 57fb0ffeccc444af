using System;
using System.Globalization;

namespace RingRift.Kernel;

/// <summary>A signed span of time in microseconds. Integer arithmetic only, overflow-checked.</summary>
public readonly record struct Duration(long Micros) : IComparable<Duration>
{
    public const long MicrosPerMilli = 1_000;
    public const long MicrosPerSecond = 1_000_000;

    public static readonly Duration Zero = new(0);
    public static readonly Duration MaxValue = new(long.MaxValue);

    public static Duration FromMicros(long micros) => new(micros);
    public static Duration FromMillis(long millis) => new(checked(millis * MicrosPerMilli));
    public static Duration FromSeconds(long seconds) => new(checked(seconds * MicrosPerSecond));
    public static Duration FromMinutes(long minutes) => FromSeconds(checked(minutes * 60));
    public static Duration FromHours(long hours) => FromSeconds(checked(hours * 3600));

    public long WholeSeconds => Micros / MicrosPerSecond;
    public long WholeMillis => Micros / MicrosPerMilli;

    public int CompareTo(Duration other) => Micros.CompareTo(other.Micros);

    public static Duration operator +(Duration a, Duration b) => new(checked(a.Micros + b.Micros));
    public static Duration operator -(Duration a, Duration b) => new(checked(a.Micros - b.Micros));
    public static Duration operator *(Duration a, long factor) => new(checked(a.Micros * factor));
    public static Duration operator /(Duration a, long divisor) => new(a.Micros / divisor);
    public static bool operator <(Duration a, Duration b) => a.Micros < b.Micros;
    public static bool operator >(Duration a, Duration b) => a.Micros > b.Micros;
    public static bool operator <=(Duration a, Duration b) => a.Micros <= b.Micros;
    public static bool operator >=(Duration a, Duration b) => a.Micros >= b.Micros;

    public static Duration Min(Duration a, Duration b) => a.Micros <= b.Micros ? a : b;
    public static Duration Max(Duration a, Duration b) => a.Micros >= b.Micros ? a : b;

    /// <summary>Scales by a ratio in basis points, rounding toward zero.</summary>
    public Duration Scale(Ratio ratio) => new(checked(Micros * ratio.BasisPoints) / Ratio.BasisPointsPerOne);

    /// <summary>Canonical text: the largest exact unit (h, m, s, ms, us), e.g. "90s", "1500ms".</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        if (Micros == 0) return "0s";
        if (Micros % (3600 * MicrosPerSecond) == 0) return (Micros / (3600 * MicrosPerSecond)).ToString(inv) + "h";
        if (Micros % (60 * MicrosPerSecond) == 0) return (Micros / (60 * MicrosPerSecond)).ToString(inv) + "m";
        if (Micros % MicrosPerSecond == 0) return (Micros / MicrosPerSecond).ToString(inv) + "s";
        if (Micros % MicrosPerMilli == 0) return (Micros / MicrosPerMilli).ToString(inv) + "ms";
        return Micros.ToString(inv) + "us";
    }
}
