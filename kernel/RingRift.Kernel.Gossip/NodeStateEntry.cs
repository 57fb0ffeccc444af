namespace RingRift.Kernel.Gossip;

/// <summary>
/// One node's state as it published it: who (<see cref="Node"/>), how new (<see cref="Incarnation"/>,
/// then <see cref="Version"/>, see <see cref="VersionStamp"/>) and what (<see cref="Summary"/>).
/// Only the node itself creates its entries, and it never gives two different summaries the same
/// stamp: versions increase within an incarnation, and an incarnation is published only once durable,
/// so a restarted node cannot reuse one. Hence entries with equal stamps are equal. Immutable.
/// </summary>
public sealed record NodeStateEntry(NodeId Node, long Incarnation, long Version, NodeSummary Summary)
{
    public const int EncodedBytesMax = GossipWire.NodeIdBytesMax + 2 * GossipWire.VarIntBytesMax + NodeSummary.EncodedBytesMax;

    public VersionStamp Stamp => new(Incarnation, Version);

    public DigestItem Item => new(Node, Incarnation, Version);

    public void Write(WireWriter writer)
    {
        writer.WriteNodeId(Node);
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Version);
        Summary.Write(writer);
    }

    public static NodeStateEntry Read(ref WireReader reader) => new(
        reader.ReadNodeId(),
        GossipWire.ReadCount(ref reader, "incarnation"),
        GossipWire.ReadCount(ref reader, "version"),
        NodeSummary.Read(ref reader));
}
