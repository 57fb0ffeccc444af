namespace RingRift.Kernel.Sync;

/// <summary>
/// The leader asks a node for its manifest: the deltas that follow <see cref="KnownVersion"/> when
/// the node still keeps them, otherwise the whole manifest's pages after <see cref="After"/> (null:
/// from the first page).
/// </summary>
public sealed record ManifestRequest(long KnownVersion, string? After) : SyncMessage
{
    public override MessageKind Kind => MessageKind.ManifestRequest;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(KnownVersion);
        writer.WriteBool(After is not null);
        if (After is not null) SyncWire.WritePath(writer, After);
    }

    public static ManifestRequest Read(ref WireReader reader)
    {
        var known = SyncWire.ReadCount(ref reader, "known version");
        var after = reader.ReadBool() ? SyncWire.ReadPath(ref reader) : null;
        return new ManifestRequest(known, after);
    }
}
