using System.Collections.Immutable;
using RingRift.Kernel.Gossip;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>membership</c> block: the protocol (<c>mode</c>), overrides of <see cref="MembershipConfig.Default"/>
/// key by key, and in swim or hybrid mode a <c>swim</c> block of overrides of <see cref="SwimConfig.Default"/>.
/// The heartbeat timing must pass <see cref="MembershipConfig.Validate"/>, its complaints reported at the
/// line of the <c>membership:</c> key; the SWIM timing must pass <see cref="SwimConfig.Validate"/>, reported
/// at the line of <c>swim:</c>. Heartbeat timing keys in swim mode, and a <c>swim</c> block in heartbeat
/// mode, would be silently unused, so they are errors.
/// </summary>
internal static class MembershipSection
{
    private static readonly ImmutableArray<string> HeartbeatTimingKeys =
        ["heartbeat_interval", "suspect_timeout", "dead_timeout", "retire_timeout", "retired_probe_interval"];

    private static readonly ImmutableArray<string> Keys = ["mode", .. HeartbeatTimingKeys, "peer_table_max", "swim"];

    private static readonly ImmutableArray<string> SwimKeys =
    [
        "period", "probe_timeout", "indirect_probes", "suspicion_multiplier", "suspicion_max_multiplier",
        "retransmit_multiplier", "piggyback_max", "awareness_max", "retire_after", "dead_probe_interval", "nat_silence",
    ];

    private static readonly WordTable<MembershipMode> Modes = new(
        ("heartbeat", MembershipMode.Heartbeat), ("swim", MembershipMode.Swim), ("hybrid", MembershipMode.Hybrid));

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

    /// <summary>The <c>mode</c> (default heartbeat) and the SWIM timing it uses.</summary>
    public static (MembershipMode Mode, SwimConfig Swim) ReadProtocol(MapReader root)
    {
        if (root.Optional("membership") is not { } value) return (MembershipMode.Heartbeat, SwimConfig.Default);
        var map = value.Map("membership", Keys);
        var mode = map.Optional("mode")?.Word(Modes) ?? MembershipMode.Heartbeat;
        if (mode == MembershipMode.Swim)
        {
            foreach (var key in HeartbeatTimingKeys)
                if (map.Has(key))
                    throw map.ErrorAtKey(key, $"'{key}' is heartbeat timing, unused in swim mode; set membership.swim instead, or use mode: hybrid");
        }
        if (map.Optional("swim") is not { } swim) return (mode, SwimConfig.Default);
        if (mode == MembershipMode.Heartbeat)
            throw map.ErrorAtKey("swim", "'swim' applies to mode swim or hybrid; add 'mode: swim' (heartbeat is the default)");
        return (mode, ReadSwim(swim));
    }

    private static SwimConfig ReadSwim(YamlValue value)
    {
        var map = value.Map("membership.swim", SwimKeys);
        var d = SwimConfig.Default;
        var config = new SwimConfig(
            map.Optional("period")?.Duration() ?? d.Period,
            map.Optional("probe_timeout")?.Duration() ?? d.ProbeTimeout,
            map.Optional("indirect_probes")?.Int(0, 1_000_000) ?? d.IndirectProbes,
            map.Optional("suspicion_multiplier")?.Int(0, 1_000_000) ?? d.SuspicionMultiplier,
            map.Optional("suspicion_max_multiplier")?.Int(0, 1_000_000) ?? d.SuspicionMaxMultiplier,
            map.Optional("retransmit_multiplier")?.Int(0, 1_000_000) ?? d.RetransmitMultiplier,
            map.Optional("piggyback_max")?.Int(0, 1_000_000) ?? d.PiggybackMax,
            map.Optional("awareness_max")?.Int(0, 1_000_000) ?? d.AwarenessMax,
            map.Optional("retire_after")?.Duration() ?? d.RetireAfter,
            map.Optional("dead_probe_interval")?.Duration() ?? d.DeadProbeInterval,
            map.Optional("nat_silence")?.Duration() ?? d.NatSilence);
        var errors = config.Validate();
        if (errors.Count > 0)
            throw value.Error("membership." + string.Join("; membership.", errors));
        return config;
    }
}
