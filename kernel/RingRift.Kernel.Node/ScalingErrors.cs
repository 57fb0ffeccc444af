using System.Collections.Generic;

namespace RingRift.Kernel.Node;

/// <summary>
/// The config errors of unattended operation: Elo sync's interval, and the auto-scaler's, which must fit the
/// cluster (it needs dispatch, and manages only known hosts).
/// </summary>
internal static class ScalingErrors
{
    public static void Add(KernelConfig config, List<string> errors)
    {
        if (config.EloSyncInterval is { } elo && elo <= Duration.Zero) errors.Add($"elo_sync.interval must be positive (got {elo})");
        if (config.Scaling is not { } scaling) return;
        errors.AddRange(scaling.Validate());
        if (config.Scheduling is null) errors.Add("scaling needs scheduling (the leader's job book) to be on");
        var hosts = new HashSet<NodeId>();
        foreach (var host in config.Cluster) hosts.Add(host.Node);
        foreach (var node in scaling.Managed)
            if (!hosts.Contains(node)) errors.Add($"scaling.managed names {node}, which is not a host of the cluster");
    }
}
