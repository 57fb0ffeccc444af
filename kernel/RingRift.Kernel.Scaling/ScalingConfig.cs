using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scaling;

/// <summary>
/// The auto-scaler's policy numbers (the original's: check every 120 s, scale up above 10 pending jobs per
/// live worker, down below 2 once a node has been idle 15 min, 10 min cooldown, at most 3 nodes a cycle)
/// and the provider's nodes. <see cref="Managed"/> are the nodes the provider owns: only they are ever
/// decommissioned, and scale-up boots those of them not running. <see cref="Profile"/> is handed to the
/// provider with every request. Immutable; <see cref="Validate"/> names each bad key.
/// </summary>
public sealed record ScalingConfig(ImmutableArray<NodeId> Managed, string Profile)
{
    public Duration CheckInterval { get; init; } = Duration.FromSeconds(120);
    public int ScaleUpPendingPerNode { get; init; } = 10;
    public int ScaleDownPendingPerNode { get; init; } = 2;
    public Duration IdleBeforeScaleDown { get; init; } = Duration.FromMinutes(15);
    public Duration Cooldown { get; init; } = Duration.FromMinutes(10);
    public int NodesPerCycleMax { get; init; } = 3;

    public const int ProfileBytesMax = 128;
    public const int ManagedMax = 1024;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CheckInterval <= Duration.Zero) errors.Add($"scaling.check_interval must be positive (got {CheckInterval})");
        if (ScaleDownPendingPerNode < 0) errors.Add($"scaling.scale_down_pending_per_node must not be negative (got {ScaleDownPendingPerNode})");
        if (ScaleUpPendingPerNode <= ScaleDownPendingPerNode)
            errors.Add($"scaling.scale_up_pending_per_node ({ScaleUpPendingPerNode}) must exceed scaling.scale_down_pending_per_node ({ScaleDownPendingPerNode})");
        if (IdleBeforeScaleDown < Duration.Zero) errors.Add($"scaling.idle_before_scale_down must not be negative (got {IdleBeforeScaleDown})");
        if (Cooldown < Duration.Zero) errors.Add($"scaling.cooldown must not be negative (got {Cooldown})");
        if (NodesPerCycleMax is < 1 or > 64) errors.Add($"scaling.nodes_per_cycle_max must be within 1..64 (got {NodesPerCycleMax})");
        if (Profile.Length is 0 or > ProfileBytesMax) errors.Add($"scaling.profile must be 1 to {ProfileBytesMax} characters");
        if (Managed.Length > ManagedMax) errors.Add($"scaling.managed lists {Managed.Length} nodes, more than {ManagedMax}");
        var seen = new HashSet<NodeId>();
        foreach (var node in Managed)
            if (!seen.Add(node)) errors.Add($"scaling.managed lists {node} twice");
        return errors;
    }
}
