namespace RingRift.Kernel.Gossip;

/// <summary>What a piggybacked <see cref="SwimUpdate"/> says about its node. Values are wire tags.</summary>
public enum SwimUpdateKind : byte
{
    /// <summary>The node was alive at this incarnation (its own claim, or a refutation).</summary>
    Alive = 0,

    /// <summary>The accuser could not reach the node at this incarnation.</summary>
    Suspect = 1,

    /// <summary>A suspicion of the node at this incarnation ran out: it is declared dead.</summary>
    Dead = 2,

    /// <summary>A NAT-blocked node's liveness counter, relayed by the members it pinged (nobody can probe it).</summary>
    Beat = 3,
}
