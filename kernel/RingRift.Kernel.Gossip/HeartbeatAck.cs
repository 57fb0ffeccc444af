namespace RingRift.Kernel.Gossip;

/// <summary>The receiver's own advertisement, returned on the connection a NAT-blocked peer opened.</summary>
public sealed record HeartbeatAck(long Incarnation, long Sequence, NodeProfile Profile, NodeLoad Load) : Message, ICarriesIncarnation
{
    public override MessageKind Kind => MessageKind.HeartbeatAck;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Sequence);
        Profile.Write(writer);
        Load.Write(writer);
    }

    public static HeartbeatAck Read(ref WireReader reader) => new(
        reader.ReadVarInt64(), reader.ReadVarInt64(), NodeProfile.Read(ref reader), NodeLoad.Read(ref reader));
}
