using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

/// <summary>The SWIM machine's private, mutable view of one member.</summary>
internal sealed class SwimMember(NodeProfile profile, Instant now)
{
    private List<NodeId>? _accusers;

    public NodeProfile Profile { get; } = profile;
    public NodeId Node => Profile.Node;

    /// <summary>NAT-blocked members cannot be dialled: never probed, never asked to relay.</summary>
    public bool IsDialable => !Profile.NatBlocked;

    public SwimIncarnation Incarnation { get; set; } = SwimIncarnation.Unknown;
    public MemberState State { get; set; } = MemberState.Alive;

    /// <summary>When this node started suspecting the member (its suspicion's clock, credited with stalls).</summary>
    public Instant SuspectedAt { get; set; }
    public Instant SuspicionDeadline { get; set; }

    /// <summary>Independent confirmations beyond the first accuser.</summary>
    public int Confirmations { get; set; }

    /// <summary>The suspicion ran out unconfirmed and waits for this node's own verification probe.</summary>
    public bool Verifying { get; set; }

    public Instant RetireAt { get; set; }

    /// <summary>A NAT-blocked member's latest beat (incarnation, counter) and when it was first heard here.</summary>
    public SwimIncarnation BeatIncarnation { get; set; }
    public long Beat { get; set; }
    public Instant BeatHeardAt { get; set; } = now;

    /// <summary>Who accused the member in its current suspicion, the first accuser first; bounded by the confirmations wanted + 1.</summary>
    public List<NodeId> Accusers => _accusers ??= new List<NodeId>(4);
}
