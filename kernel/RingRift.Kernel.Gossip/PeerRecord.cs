namespace RingRift.Kernel.Gossip;

/// <summary>The membership machine's private, mutable view of one peer.</summary>
internal sealed class PeerRecord(NodeProfile profile, Instant heardAt)
{
    public NodeProfile Profile { get; set; } = profile;
    public NodeLoad Load { get; set; } = NodeLoad.Idle;
    public long Incarnation { get; set; }
    public long LastSequence { get; set; }
    public Instant LastHeard { get; set; } = heardAt;
    public MemberState State { get; set; } = MemberState.Alive;
    public Instant NextProbe { get; set; } = heardAt;

    public NodeId Node => Profile.Node;

    /// <summary>Retired peers are still probed, but rarely; NAT-blocked peers cannot be dialled at all.</summary>
    public bool IsDialable => !Profile.NatBlocked;
}
