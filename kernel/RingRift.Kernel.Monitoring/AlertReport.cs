namespace RingRift.Kernel.Monitoring;

/// <summary>
/// A node tells the leader it follows which alerts about it are active (one bit per
/// <see cref="AlertKind"/>): sent every sample interval, empty or not, so a new leader learns it within one
/// interval; the leader echoes it (<see cref="AlertReportAck"/>) so the node times its heartbeat delay. <see cref="Sequence"/> grows with every
/// report of the node's incarnation; an older one is ignored.
/// </summary>
public sealed record AlertReport(long Incarnation, long Sequence, int ActiveMask) : Message
{
    public const int MaskMax = (1 << AlertKinds.Count) - 1;

    public override MessageKind Kind => MessageKind.AlertReport;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Sequence);
        writer.WriteVarUInt64((ulong)ActiveMask);
    }

    public static AlertReport Read(ref WireReader reader)
    {
        var incarnation = reader.ReadVarInt64();
        var sequence = reader.ReadVarInt64();
        if (incarnation < 0 || sequence < 0) throw new MalformedMessageException("negative incarnation or sequence");
        return new AlertReport(incarnation, sequence, reader.ReadBoundedInt(MaskMax));
    }
}
