namespace RingRift.Kernel.Gossip;

/// <summary>
/// One row of a <see cref="GossipTable"/>: the newest entry known for a node and when, on the local
/// clock, it last changed. An expired row becomes a tombstone: it keeps the entry's stamp, so that
/// copies of the dropped entry still circulating are recognised as stale rather than re-added.
/// </summary>
internal sealed class GossipSlot(NodeStateEntry entry, Instant changedAt)
{
    public NodeStateEntry Entry { get; private set; } = entry;
    public Instant ChangedAt { get; private set; } = changedAt;
    public bool IsTombstone { get; private set; }

    public NodeId Node => Entry.Node;

    public void Replace(NodeStateEntry entry, Instant now)
    {
        Entry = entry;
        ChangedAt = now;
        IsTombstone = false;
    }

    public void Bury(Instant now)
    {
        ChangedAt = now;
        IsTombstone = true;
    }
}
