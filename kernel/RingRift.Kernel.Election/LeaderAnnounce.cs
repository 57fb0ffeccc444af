namespace RingRift.Kernel.Election;

/// <summary>
/// The leader's periodic "I lead at <see cref="Epoch"/>", sent to every dialable peer while its lease
/// holds. Followers adopt the highest epoch announced and reject anything older (fencing).
/// </summary>
public sealed record LeaderAnnounce(long Epoch) : Message
{
    public override MessageKind Kind => MessageKind.LeaderAnnounce;

    public override void WriteBody(WireWriter writer) => writer.WriteVarInt64(Epoch);

    public static LeaderAnnounce Read(ref WireReader reader) => new(reader.ReadVarInt64());
}
