using System.Collections.Immutable;

namespace RingRift.Kernel.Scaling;

/// <summary>
/// One check's verdict: how many nodes to provision, which to decommission, which to start draining (no new
/// work, so they fall idle), which to stop draining, and which the safety rules kept (node, reason).
/// </summary>
public sealed record ScalingDecision(
    int PendingPerNodeBp,
    int Provision,
    ImmutableArray<NodeId> Decommission,
    ImmutableArray<NodeId> Drain,
    ImmutableArray<NodeId> Undrain,
    ImmutableArray<(NodeId Node, string Reason)> Refused);
