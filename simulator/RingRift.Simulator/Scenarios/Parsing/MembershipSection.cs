using System.Collections.Immutable;
using RingRift.Kernel.Gossip;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>membership</c> block: overrides of <see cref="MembershipConfig.Default"/>, key by key.
/// The timing must pass <see cref="MembershipConfig.Validate"/>; its complaints are reported at
/// the line of the <c>membership:</c> key.
/// </summary>
internal static class MembershipSection
{
    private static readonly ImmutableArray<string> Keys =
        ["heartbeat_interval", "suspect_timeout", "dead_timeout", "retire_timeout", "retired_probe_interval", "peer_table_max"];

    public static MembershipConfig Read(MapReader root)
    {
        if (root.Optional("membership") is not { } value) return MembershipConfig.Default;
        var map = value.Map("membership", Keys);
        var defaults = MembershipConfig.Default;
        var config = new MembershipConfig(
            map.Optional("heartbeat_interval")?.Duration() ?? defaults.HeartbeatInterval,
            map.Optional("suspect_timeout")?.Duration() ?? defaults.SuspectTimeout,
            map.Optional("dead_timeout")?.Duration() ?? defaults.DeadTimeout,
            map.Optional("retire_timeout")?.Duration() ?? defaults.RetireTimeout,
            map.Optional("retired_probe_interval")?.Duration() ?? defaults.RetiredProbeInterval,
            map.Optional("peer_table_max")?.Int(1, 1_000_000) ?? defaults.PeerTableMax);
        var errors = config.Validate();
        if (errors.Count > 0)
            throw value.Error("membership: " + string.Join("; ", errors));
        return config;
    }
}
