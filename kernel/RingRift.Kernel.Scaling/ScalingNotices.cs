namespace RingRift.Kernel.Scaling;

/// <summary>The leader asked the provider for nodes: pending work per live worker (basis points) was above the bound.</summary>
public sealed record ScaleUpRequested(int Count, int PendingPerNodeBp, int LiveWorkers) : Notice
{
    public override string Name => "scale_up";
    public override string Describe() => $"count={Count} pending_per_node_bp={PendingPerNodeBp} live_workers={LiveWorkers}";
}

/// <summary>A provisioning request ended: the nodes that booted and how many failed to.</summary>
public sealed record ScaleUpCompleted(int Booted, int FailedBoots) : Notice
{
    public override string Name => "scale_up_completed";
    public override string Describe() => $"booted={Booted} failed_boots={FailedBoots}";
}

/// <summary>The leader asked the provider to terminate an idle managed node.</summary>
public sealed record ScaleDownRequested(NodeId Node, Duration Idle, int PendingPerNodeBp) : Notice
{
    public override string Name => "scale_down";
    public override string Describe() => $"node={Node} idle={Idle} pending_per_node_bp={PendingPerNodeBp}";
}

/// <summary>A managed node starts (or stops) draining: dispatch places nothing new there.</summary>
public sealed record NodeDraining(NodeId Node, bool Draining) : Notice
{
    public override string Name => "node_draining";
    public override string Describe() => $"node={Node} draining={Draining}";
}

/// <summary>A scale-down candidate was kept: a voter, a node running training, or the only holder of some data.</summary>
public sealed record ScaleDownRefused(NodeId Node, string Reason) : Notice
{
    public override string Name => "scale_down_refused";
    public override string Describe() => $"node={Node} reason={Reason}";
}
