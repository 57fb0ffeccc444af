namespace RingRift.Kernel.Gossip;

/// <summary>This node's gossip table now holds a newer entry for <paramref name="Node"/> (its own included).</summary>
public sealed record GossipEntryUpdated(NodeId Node, long Incarnation, long Version) : Notice
{
    public override string Name => "gossip_entry_updated";
    public override string Describe() => $"node={Node} incarnation={Incarnation} version={Version}";
}
