using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The changes that take <see cref="Node"/>'s manifest from <see cref="BaseVersion"/> to
/// BaseVersion + 1, applied in order (a later change to the same path wins). A host emits one per
/// batch of files written or deleted, so manifests are maintained without rescanning the disk.
/// At most <see cref="ChangesMax"/> changes, so that the encoding fits one message.
/// </summary>
public sealed record ManifestDelta(NodeId Node, long BaseVersion, ImmutableArray<ManifestChange> Changes)
{
    /// <summary>Keeps <see cref="EncodedBytesMax"/> under 60 KiB, the payload bound gossip uses too.</summary>
    public const int ChangesMax = 100;

    /// <summary>Node id, base version, change count, changes.</summary>
    public const int EncodedBytesMax =
        2 + WireLimits.NodeIdBytesMax + SyncWire.VarIntBytesMax + 2 + ChangesMax * ManifestChange.EncodedBytesMax;

    public void Write(WireWriter writer)
    {
        Invariant.True(BaseVersion >= 0);
        Invariant.True(Changes.Length <= ChangesMax);
        writer.WriteNodeId(Node);
        writer.WriteVarInt64(BaseVersion);
        writer.WriteVarUInt64((ulong)Changes.Length);
        foreach (var change in Changes) change.Write(writer);
    }

    public static ManifestDelta Read(ref WireReader reader)
    {
        var node = reader.ReadNodeId();
        var baseVersion = SyncWire.ReadCount(ref reader, "manifest base version");
        var count = reader.ReadBoundedInt(ChangesMax);
        var changes = ImmutableArray.CreateBuilder<ManifestChange>(count);
        for (var i = 0; i < count; i++) changes.Add(ManifestChange.Read(ref reader));
        return new ManifestDelta(node, baseVersion, changes.MoveToImmutable());
    }
}
