namespace RingRift.Kernel.Gossip;

/// <summary>
/// "I am alive, and this is what I have." Sent every heartbeat interval to each dialable peer.
/// <see cref="Incarnation"/> is the sender's durable boot count, so a message from a previous life
/// is recognised as stale. <see cref="WantsAck"/> is set by a NAT-blocked sender, which learns
/// about its peers only from the acknowledgements on connections it opened.
/// </summary>
public sealed record Heartbeat(long Incarnation, long Sequence, NodeProfile Profile, NodeLoad Load, bool WantsAck) : Message, ICarriesIncarnation
{
    public override MessageKind Kind => MessageKind.Heartbeat;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Sequence);
        Profile.Write(writer);
        Load.Write(writer);
        writer.WriteBool(WantsAck);
    }

    public static Heartbeat Read(ref WireReader reader) => new(
        reader.ReadVarInt64(), reader.ReadVarInt64(), NodeProfile.Read(ref reader), NodeLoad.Read(ref reader), reader.ReadBool());
}
