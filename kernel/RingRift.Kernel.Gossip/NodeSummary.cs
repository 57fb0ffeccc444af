namespace RingRift.Kernel.Gossip;

/// <summary>
/// What a node says about itself through gossip, besides who it is: its load (job counts and
/// resources), the digest of its data manifest, and the leader it follows with that leader's epoch
/// (null and 0 while it follows none). Immutable, with a canonical encoding.
/// </summary>
public sealed record NodeSummary(NodeLoad Load, ulong ManifestDigest, NodeId? Leader, long LeaderEpoch)
{
    public static readonly NodeSummary Idle = new(NodeLoad.Idle, 0, null, 0);

    /// <summary>
    /// The load's worst case is 26 bytes: three job counts up to 10,000 (2 bytes each), three
    /// zig-zagged ratios up to 10,000 basis points (3 bytes each), the disk size (10) and the GPU
    /// health byte. Then the manifest digest, the optional leader and the epoch.
    /// </summary>
    public const int EncodedBytesMax = 26 + GossipWire.VarIntBytesMax + GossipWire.OptionalNodeIdBytesMax + GossipWire.VarIntBytesMax;

    public void Write(WireWriter writer)
    {
        Load.Write(writer);
        writer.WriteVarUInt64(ManifestDigest);
        GossipWire.WriteOptionalNodeId(writer, Leader);
        writer.WriteVarInt64(LeaderEpoch);
    }

    public static NodeSummary Read(ref WireReader reader)
    {
        var load = NodeLoad.Read(ref reader);
        var manifest = reader.ReadVarUInt64();
        var leader = GossipWire.ReadOptionalNodeId(ref reader);
        return new NodeSummary(load, manifest, leader, GossipWire.ReadCount(ref reader, "leader epoch"));
    }
}
