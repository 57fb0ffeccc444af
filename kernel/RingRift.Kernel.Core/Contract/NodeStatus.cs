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
    ImmutableArray<MemberView> Members);

/// <summary>How one node currently sees one peer.</summary>
public readonly record struct MemberView(NodeId Peer, MemberState State, long Incarnation);
