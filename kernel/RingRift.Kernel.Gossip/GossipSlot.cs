namespace RingRift.Kernel.Gossip;

/// <summary>
/// One row of a <see cref="GossipTable"/>: the newest entry known for a node and when, on the local
/// clock, it last changed. An expired row becomes a tombstone: it keeps the entry's stamp, so that
/// copies of the dropped entry still circulating are recognised as stale rather than re-added.
/// Encoded sizes are kept because every digest and delta is measured against its byte budget.
/// </summary>
internal sealed class GossipSlot
{
    private int _entryBytes;

    public GossipSlot(NodeStateEntry entry, Instant changedAt, int nodeIdBytes)
    {
        Entry = entry;
        ChangedAt = changedAt;
        NodeIdBytes = nodeIdBytes;
    }

    public NodeStateEntry Entry { get; private set; }
    public Instant ChangedAt { get; private set; }
    public bool IsTombstone { get; private set; }

    /// <summary>The encoded node id, which never changes for a row.</summary>
    public int NodeIdBytes { get; }

    public NodeId Node => Entry.Node;

    /// <summary>The encoded size of this row's digest item.</summary>
    public int ItemBytes => NodeIdBytes + GossipWire.VarIntBytes(Entry.Incarnation) + GossipWire.VarIntBytes(Entry.Version);

    /// <summary>The encoded size of the entry, measured with <paramref name="scratch"/> on first use.</summary>
    public int EntryBytes(WireWriter scratch)
    {
        if (_entryBytes > 0) return _entryBytes;
        scratch.Reset();
        Entry.Write(scratch);
        _entryBytes = scratch.Length;
        return _entryBytes;
    }

    public void Replace(NodeStateEntry entry, Instant now)
    {
        Entry = entry;
        ChangedAt = now;
        IsTombstone = false;
        _entryBytes = 0;
    }

    public void Bury(Instant now)
    {
        ChangedAt = now;
        IsTombstone = true;
    }
}
