using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Network;

/// <summary>
/// Draws one-way latencies from a <see cref="LatencySpec"/> with integer arithmetic: half uniform in
/// [min, median), 49 % uniform in [median, p99), 1 % uniform in [p99, 2·p99] — a long tail like the
/// original's cross-cloud p99 of 2.6 s.
/// </summary>
internal static class LatencyModel
{
    public static long SampleMicros(LatencySpec spec, Prng prng)
    {
        var bucket = prng.NextBelow(10_000);
        if (bucket < 5_000) return Between(spec.Min.Micros, spec.Median.Micros, prng);
        if (bucket < 9_900) return Between(spec.Median.Micros, spec.P99.Micros, prng);
        return Between(spec.P99.Micros, spec.P99.Micros * 2 + 1, prng);
    }

    /// <summary>The largest latency <see cref="SampleMicros"/> can return.</summary>
    public static Duration Max(LatencySpec spec) => spec.P99 * 2;

    private static long Between(long low, long high, Prng prng) => high > low ? prng.NextInRange(low, high) : low;
}
