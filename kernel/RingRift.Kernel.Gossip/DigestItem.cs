namespace RingRift.Kernel.Gossip;

/// <summary>One line of a digest: the newest entry the sender holds for <see cref="Node"/>, by stamp only.</summary>
public readonly record struct DigestItem(NodeId Node, long Incarnation, long Version)
{
    public const int EncodedBytesMax = GossipWire.NodeIdBytesMax + 2 * GossipWire.VarIntBytesMax;

    public VersionStamp Stamp => new(Incarnation, Version);

    public void Write(WireWriter writer)
    {
        writer.WriteNodeId(Node);
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Version);
    }

    public static DigestItem Read(ref WireReader reader) => new(
        reader.ReadNodeId(), GossipWire.ReadCount(ref reader, "incarnation"), GossipWire.ReadCount(ref reader, "version"));

    public override string ToString() => Node + "@" + Stamp;
}
