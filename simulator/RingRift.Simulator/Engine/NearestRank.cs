using System;
using System.Collections.Generic;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Nearest-rank percentiles, the one definition every figure uses: the smallest sample with at least
/// the given percent of the samples at or below it. Inputs are sorted ascending; empty gives zero.
/// </summary>
public static class NearestRank
{
    public static long Of(ReadOnlySpan<long> sorted, int percent) => sorted.Length == 0 ? 0 : sorted[Index(sorted.Length, percent)];

    public static Duration Of(IReadOnlyList<Duration> sorted, int percent) =>
        sorted.Count == 0 ? Duration.Zero : sorted[Index(sorted.Count, percent)];

    private static int Index(int count, int percent) => Math.Clamp((count * percent + 99) / 100 - 1, 0, count - 1);
}
