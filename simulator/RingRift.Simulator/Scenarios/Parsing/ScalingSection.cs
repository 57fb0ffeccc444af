using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Scaling;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The optional <c>scaling</c> block (see <see cref="ScalingSpec"/>); it needs a <c>workload</c>.</summary>
internal static class ScalingSection
{
    private static readonly ImmutableArray<string> Keys =
    [
        "profile", "managed", "pool", "provision_delay", "provision_delay_max", "boot_failure", "check_interval",
        "scale_up_pending_per_node", "scale_down_pending_per_node", "idle_before_scale_down", "cooldown", "nodes_per_cycle_max",
    ];

    public static ScalingSpec? Read(MapReader root, NodeDirectory nodes)
    {
        if (root.Optional("scaling") is not { } value) return null;
        if (!root.Has("workload")) throw value.Error("'scaling' needs a 'workload' block: the auto-scaler reads the leader's job book");
        var map = value.Map("scaling", Keys);
        var managed = map.Optional("managed") is { } m ? nodes.ResolveList(m, 0) : [];
        var pool = map.Optional("pool") is { } p ? nodes.ResolveList(p, 0) : [];
        if (managed.Length + pool.Length == 0) throw value.Error("'scaling' needs provider nodes: 'managed', 'pool' or both");
        NodeDirectory.RequireDisjoint(value, managed, pool);
        foreach (var node in pool)
            if (nodes.Profile(node).IsVoter) throw map.Required("pool").Error($"pool node '{node}' is a voter: a voter must run from the start");
        var delay = map.Optional("provision_delay")?.PositiveDuration() ?? Duration.FromMinutes(3);
        var delayMax = map.Optional("provision_delay_max")?.PositiveDuration() ?? delay;
        if (delayMax < delay) throw map.Required("provision_delay_max").Error($"'provision_delay_max' ({delayMax}) is below 'provision_delay' ({delay})");
        var profile = map.Required("profile").Text();
        var policy = ReadPolicy(map, new ScalingConfig([.. managed, .. pool], profile));
        var errors = policy.Validate();
        if (errors.Count > 0) throw value.Error(errors[0]);
        return new ScalingSpec(managed, pool, delay, delayMax, map.Optional("boot_failure")?.Probability() ?? Ratio.Zero, policy);
    }

    /// <summary>The optional top-level <c>elo_sync: 5m</c>: how often each node offers its Elo table to its leader; it needs a workload.</summary>
    public static Duration? ReadEloSync(MapReader root)
    {
        if (root.Optional("elo_sync") is not { } value) return null;
        if (!root.Has("workload")) throw value.Error("'elo_sync' needs a 'workload' block: match results come from its gauntlets");
        return value.PositiveDuration();
    }

    private static ScalingConfig ReadPolicy(MapReader map, ScalingConfig defaults) => defaults with
    {
        CheckInterval = map.Optional("check_interval")?.PositiveDuration() ?? defaults.CheckInterval,
        ScaleUpPendingPerNode = map.Optional("scale_up_pending_per_node")?.Int(1, 1_000_000) ?? defaults.ScaleUpPendingPerNode,
        ScaleDownPendingPerNode = map.Optional("scale_down_pending_per_node")?.Int(0, 1_000_000) ?? defaults.ScaleDownPendingPerNode,
        IdleBeforeScaleDown = map.Optional("idle_before_scale_down")?.Duration() ?? defaults.IdleBeforeScaleDown,
        Cooldown = map.Optional("cooldown")?.Duration() ?? defaults.Cooldown,
        NodesPerCycleMax = map.Optional("nodes_per_cycle_max")?.Int(1, 64) ?? defaults.NodesPerCycleMax,
    };
}
