using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The leader's order to one node to delete some of its game files (source cleanup, see
/// <see cref="CleanupPlanner"/>). The node deletes a file only if its own manifest still holds it with the
/// same hash and no transfer of it is running there; otherwise it ignores that deletion.
/// </summary>
public sealed record CleanupOrder(long Epoch, ImmutableArray<Deletion> Deletions) : SyncMessage
{
    /// <summary>Keeps the encoding under the codec's 64 KiB.</summary>
    public const int DeletionsMax = 64;

    /// <summary>Node id, path, hash and size of one deletion.</summary>
    private const int DeletionBytesMax = 2 + WireLimits.NodeIdBytesMax + 2 + SyncWire.PathBytesMax + ContentHash.EncodedBytes + SyncWire.VarIntBytesMax;

    public const int EncodedBytesMax = SyncWire.VarIntBytesMax + 2 + DeletionsMax * DeletionBytesMax;

    public override MessageKind Kind => MessageKind.CleanupOrder;

    public override void WriteBody(WireWriter writer)
    {
        Invariant.True(Deletions.Length <= DeletionsMax);
        writer.WriteVarInt64(Epoch);
        writer.WriteVarUInt64((ulong)Deletions.Length);
        foreach (var deletion in Deletions)
        {
            writer.WriteNodeId(deletion.Node);
            SyncWire.WritePath(writer, deletion.Path);
            deletion.Hash.Write(writer);
            writer.WriteVarInt64(deletion.Size.Bytes);
        }
    }

    public static CleanupOrder Read(ref WireReader reader)
    {
        var epoch = SyncWire.ReadCount(ref reader, "epoch");
        var count = reader.ReadBoundedInt(DeletionsMax);
        var deletions = ImmutableArray.CreateBuilder<Deletion>(count);
        for (var i = 0; i < count; i++)
        {
            var node = reader.ReadNodeId();
            var path = SyncWire.ReadPath(ref reader);
            var hash = ContentHash.Read(ref reader);
            var size = SyncWire.ReadCount(ref reader, "file size");
            deletions.Add(new Deletion(node, path, hash, new ByteSize(size)));
        }
        return new CleanupOrder(epoch, deletions.MoveToImmutable());
    }
}
