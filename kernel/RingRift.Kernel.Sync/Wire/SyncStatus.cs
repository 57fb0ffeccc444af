namespace RingRift.Kernel.Sync;

/// <summary>
/// A node's periodic word to the leader: its manifest's version and digest (never the manifest itself),
/// its disk, and how many transfers it runs. The leader asks for the manifest only when the version
/// differs from the one it holds. Doubles as the pull request: the leader answers on the same
/// connection, which reaches NAT-blocked nodes.
/// </summary>
public sealed record SyncStatus(long Version, ManifestDigest Digest, ByteSize DiskTotal, ByteSize DiskFree, int Running) : SyncMessage
{
    public override MessageKind Kind => MessageKind.SyncStatus;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Version);
        Digest.Write(writer);
        writer.WriteVarInt64(DiskTotal.Bytes);
        writer.WriteVarInt64(DiskFree.Bytes);
        writer.WriteVarInt64(Running);
    }

    public static SyncStatus Read(ref WireReader reader)
    {
        var version = SyncWire.ReadCount(ref reader, "manifest version");
        var digest = ManifestDigest.Read(ref reader);
        var total = SyncWire.ReadCount(ref reader, "disk total");
        var free = SyncWire.ReadCount(ref reader, "disk free");
        var running = SyncWire.ReadCount(ref reader, "running transfers");
        if (running > SyncPolicy.PlanTransfersWireMax) throw new MalformedMessageException("running transfers " + running);
        return new SyncStatus(version, digest, new ByteSize(total), new ByteSize(free), (int)running);
    }
}
