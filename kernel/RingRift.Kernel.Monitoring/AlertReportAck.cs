namespace RingRift.Kernel.Monitoring;

/// <summary>
/// The answer to an <see cref="AlertReport"/>, echoing its <see cref="Sequence"/> on the reporter's own
/// connection: the reporter times the round trip (its heartbeat delay to the leader) on its own clock, so
/// no two clocks are compared.
/// </summary>
public sealed record AlertReportAck(long Sequence) : Message
{
    public override MessageKind Kind => MessageKind.AlertReportAck;

    public override void WriteBody(WireWriter writer) => writer.WriteVarInt64(Sequence);

    public static AlertReportAck Read(ref WireReader reader)
    {
        var sequence = reader.ReadVarInt64();
        if (sequence < 0) throw new MalformedMessageException("negative sequence");
        return new AlertReportAck(sequence);
    }
}
