using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// The network's steady behaviour. One-way latency is drawn per message from the link's class:
/// same provider, across providers, or through a NAT relay (either end NAT-blocked). Probabilities
/// apply to every message independently.
/// </summary>
public sealed record NetworkSpec(
    LatencySpec SameProvider,
    LatencySpec CrossProvider,
    LatencySpec NatRelay,
    Ratio Loss,
    Ratio Duplicate,
    Ratio Reorder,
    Duration ReorderDelayMax,
    Ratio Replay,
    Duration ReplayDelayMax)
{
    /// <summary>The original's measurements: 35–206 ms RTT, 2–5 s through NAT relays, p99 ≈ 2.6 s cross-cloud.</summary>
    public static readonly NetworkSpec Default = new(
        SameProvider: new LatencySpec(Duration.FromMillis(10), Duration.FromMillis(18), Duration.FromMillis(60)),
        CrossProvider: new LatencySpec(Duration.FromMillis(30), Duration.FromMillis(60), Duration.FromMillis(1300)),
        NatRelay: new LatencySpec(Duration.FromMillis(1000), Duration.FromMillis(1500), Duration.FromMillis(2500)),
        Loss: Ratio.Zero,
        Duplicate: Ratio.Zero,
        Reorder: Ratio.Zero,
        ReorderDelayMax: Duration.FromMillis(500),
        Replay: Ratio.Zero,
        ReplayDelayMax: Duration.FromSeconds(60));
}

/// <summary>
/// A one-way latency distribution: never below <see cref="Min"/>, half of messages under
/// <see cref="Median"/>, one in a hundred above <see cref="P99"/> (a long tail up to twice P99).
/// </summary>
public sealed record LatencySpec(Duration Min, Duration Median, Duration P99);
