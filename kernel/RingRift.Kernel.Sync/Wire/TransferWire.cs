namespace RingRift.Kernel.Sync;

/// <summary>The encoding of a <see cref="Transfer"/>, shared by orders and reports.</summary>
public static class TransferWire
{
    /// <summary>Two node ids, path, hash, size, offset, length, priority and initiator bytes.</summary>
    public const int EncodedBytesMax = 2 * (2 + WireLimits.NodeIdBytesMax) + 2 + SyncWire.PathBytesMax + ContentHash.EncodedBytes +
                                       3 * SyncWire.VarIntBytesMax + 2;

    public static void Write(WireWriter writer, in Transfer transfer)
    {
        Invariant.True(transfer.OffsetBytes >= 0 && transfer.LengthBytes >= 0);
        writer.WriteNodeId(transfer.Target);
        writer.WriteNodeId(transfer.Source);
        SyncWire.WritePath(writer, transfer.Path);
        transfer.Hash.Write(writer);
        writer.WriteVarInt64(transfer.FileSize.Bytes);
        writer.WriteVarInt64(transfer.OffsetBytes);
        writer.WriteVarInt64(transfer.LengthBytes);
        writer.WriteByte((byte)transfer.Priority);
        writer.WriteByte((byte)transfer.Initiator);
    }

    public static Transfer Read(ref WireReader reader)
    {
        var target = reader.ReadNodeId();
        var source = reader.ReadNodeId();
        var path = SyncWire.ReadPath(ref reader);
        var hash = ContentHash.Read(ref reader);
        var size = SyncWire.ReadCount(ref reader, "file size");
        var offset = SyncWire.ReadCount(ref reader, "offset");
        var length = SyncWire.ReadCount(ref reader, "length");
        if (size > SyncWire.FileBytesMax || offset > size || length > size - offset)
            throw new MalformedMessageException($"transfer range [{offset},+{length}) outside a file of {size} bytes");
        var priority = reader.ReadByte();
        if (priority > (byte)SyncPriority.GameReplication) throw new MalformedMessageException("unknown sync priority " + priority);
        var initiator = reader.ReadByte();
        if (initiator > (byte)TransferInitiator.Source) throw new MalformedMessageException("unknown initiator " + initiator);
        return new Transfer(target, source, path, hash, new ByteSize(size), offset, length, (SyncPriority)priority, (TransferInitiator)initiator);
    }
}
