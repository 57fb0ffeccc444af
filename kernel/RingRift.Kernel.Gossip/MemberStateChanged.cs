namespace RingRift.Kernel.Gossip;

/// <summary>This node now sees <paramref name="Peer"/> in state <paramref name="To"/>.</summary>
public sealed record MemberStateChanged(NodeId Peer, MemberState From, MemberState To) : Notice
{
    public override string Name => "member_state_changed";
    public override string Describe() => $"peer={Peer} from={From} to={To}";
}
