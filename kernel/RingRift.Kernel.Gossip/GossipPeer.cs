namespace RingRift.Kernel.Gossip;

/// <summary>
/// A peer the caller believes alive and dialable, with what target selection needs: whether it is a
/// voter and its provider. Membership supplies these; gossip never asks membership directly.
/// </summary>
public readonly record struct GossipPeer(NodeId Node, bool IsVoter, string Provider);
