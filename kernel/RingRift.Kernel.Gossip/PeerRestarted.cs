namespace RingRift.Kernel.Gossip;

/// <summary>A peer came back with a higher incarnation: it crashed or was restarted.</summary>
public sealed record PeerRestarted(NodeId Peer, long PreviousIncarnation, long Incarnation) : Notice
{
    public override string Name => "peer_restarted";
    public override string Describe() => $"peer={Peer} incarnation={PreviousIncarnation}->{Incarnation}";
}
