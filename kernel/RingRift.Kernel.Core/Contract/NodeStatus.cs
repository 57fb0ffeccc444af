using System.Collections.Immutable;

namespace RingRift.Kernel;

/// <summary>An immutable snapshot of one node for /status and the simulator's report.</summary>
public sealed record NodeStatus(
    NodeId Node,
    long Incarnation,
    NodeRole Role,
    NodeId? LeaderId,
    long Epoch,
    int AlivePeers,
    int TotalPeers,
    int RunningJobs,
    ImmutableArray<MemberView> Members)
{
    /// <summary>Each machine's health (monitoring, healing, membership, election, dispatch); empty when monitoring is off.</summary>
    public ImmutableArray<MachineHealth> Health { get; init; } = [];

    /// <summary>The alerts active on this node (its own, and the leader's cluster-level ones); empty when monitoring is off.</summary>
    public ImmutableArray<ActiveAlertView> Alerts { get; init; } = [];

    /// <summary>On the leader, every node's active alerts as their reports said (level 0: not reported); empty elsewhere.</summary>
    public ImmutableArray<ActiveAlertView> ClusterAlerts { get; init; } = [];
}

/// <summary>An active alert for /status and /alerts: the kind's stable name, the newest level, since when (local time).</summary>
public readonly record struct ActiveAlertView(NodeId Node, string Kind, long Level, Instant Since);

/// <summary>How one node currently sees one peer.</summary>
public readonly record struct MemberView(NodeId Peer, MemberState State, long Incarnation);
