using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>network</c> block: overrides of <see cref="NetworkSpec.Default"/>, key by key. A latency
/// class, when given, is given whole (<c>min</c>, <c>median</c>, <c>p99</c>, in that order of size).
/// </summary>
internal static class NetworkSection
{
    private static readonly ImmutableArray<string> Keys =
    [
        "same_provider", "cross_provider", "nat_relay", "loss", "duplicate", "reorder", "reorder_delay_max",
        "replay", "replay_delay_max",
    ];

    private static readonly ImmutableArray<string> LatencyKeys = ["min", "median", "p99"];

    public static NetworkSpec Read(MapReader root)
    {
        if (root.Optional("network") is not { } value) return NetworkSpec.Default;
        var map = value.Map("network", Keys);
        var defaults = NetworkSpec.Default;
        return new NetworkSpec(
            Latency(map, "same_provider") ?? defaults.SameProvider,
            Latency(map, "cross_provider") ?? defaults.CrossProvider,
            Latency(map, "nat_relay") ?? defaults.NatRelay,
            map.Optional("loss")?.Probability() ?? defaults.Loss,
            map.Optional("duplicate")?.Probability() ?? defaults.Duplicate,
            map.Optional("reorder")?.Probability() ?? defaults.Reorder,
            map.Optional("reorder_delay_max")?.PositiveDuration() ?? defaults.ReorderDelayMax,
            map.Optional("replay")?.Probability() ?? defaults.Replay,
            map.Optional("replay_delay_max")?.PositiveDuration() ?? defaults.ReplayDelayMax);
    }

    private static LatencySpec? Latency(MapReader network, string key)
    {
        if (network.Optional(key) is not { } value) return null;
        var map = value.Map("network." + key, LatencyKeys);
        var latency = new LatencySpec(
            map.Required("min").Duration(),
            map.Required("median").Duration(),
            map.Required("p99").Duration());
        if (latency.Min > latency.Median || latency.Median > latency.P99)
            throw value.Error($"network.{key} needs min <= median <= p99, got {latency.Min}, {latency.Median}, {latency.P99}");
        return latency;
    }
}
