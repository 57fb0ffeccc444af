namespace RingRift.Kernel.Gossip;

/// <summary>A node not in the configured cluster introduced itself and joined the peer table.</summary>
public sealed record PeerDiscovered(NodeId Peer) : Notice
{
    public override string Name => "peer_discovered";
    public override string Describe() => $"peer={Peer}";
}
