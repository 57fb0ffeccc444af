using System;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// An integer least-squares line through a window: slope = <see cref="SlopeNumerator"/> /
/// <see cref="SlopeDenominator"/> value units per second, and the fitted value at the newest sample.
/// Times are whole seconds since the oldest sample, sums are 128-bit, so nothing rounds until the
/// final divisions and every node computes the same result.
/// </summary>
public readonly record struct TrendFit(Int128 SlopeNumerator, Int128 SlopeDenominator, long FittedLatest)
{
    /// <summary>Fits the window; null with fewer than two samples or all at one time.</summary>
    public static TrendFit? Of(SampleWindow window)
    {
        var n = window.Count;
        if (n < 2) return null;
        var origin = window.TimeAt(0).Micros;
        Int128 st = 0, sv = 0, stt = 0, stv = 0;
        for (var i = 0; i < n; i++)
        {
            Int128 t = (window.TimeAt(i).Micros - origin) / Duration.MicrosPerSecond;
            Int128 v = window.ValueAt(i);
            st += t;
            sv += v;
            stt += t * t;
            stv += t * v;
        }
        var numerator = n * stv - st * sv;
        var denominator = n * stt - st * st;
        if (denominator <= 0) return null;
        // Fitted at the newest t: mean(v) + slope * (t_last - mean(t)), i.e. (sv*den + num*(n*t_last - st)) / (n*den).
        Int128 last = (window.TimeAt(n - 1).Micros - origin) / Duration.MicrosPerSecond;
        var fitted = (sv * denominator + numerator * (n * last - st)) / (n * denominator);
        return new TrendFit(numerator, denominator, (long)fitted);
    }

    public bool Rising => SlopeNumerator > 0;

    /// <summary>
    /// Time until the line reaches <paramref name="threshold"/> from the newest sample: zero when it is
    /// there already, null when it is not rising toward it.
    /// </summary>
    public Duration? TimeToReach(long threshold)
    {
        if (FittedLatest >= threshold) return Duration.Zero;
        if (!Rising) return null;
        var seconds = (threshold - FittedLatest) * SlopeDenominator / SlopeNumerator;
        return seconds > long.MaxValue / Duration.MicrosPerSecond ? Duration.MaxValue : Duration.FromSeconds((long)seconds);
    }
}
