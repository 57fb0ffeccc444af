namespace RingRift.Kernel.Gossip;

/// <summary>The entry for <paramref name="Node"/> went unchanged for the entry TTL and was dropped from this node's table.</summary>
public sealed record GossipEntryExpired(NodeId Node, long Incarnation, long Version) : Notice
{
    public override string Name => "gossip_entry_expired";
    public override string Describe() => $"node={Node} incarnation={Incarnation} version={Version}";
}
