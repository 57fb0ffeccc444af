namespace RingRift.Kernel.Election;

/// <summary>
/// A candidate (or the leader, renewing) asks a voter for a lease of <see cref="Lease"/> at
/// <see cref="Epoch"/>. <see cref="SentAt"/> is the sender's own clock reading, echoed in the reply,
/// so the sender measures its lease from when it asked — never from the voter's clock.
/// </summary>
public sealed record LeaseRequest(long Epoch, Duration Lease, Instant SentAt) : Message
{
    public override MessageKind Kind => MessageKind.LeaseRequest;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        writer.WriteDuration(Lease);
        writer.WriteInstant(SentAt);
    }

    public static LeaseRequest Read(ref WireReader reader) =>
        new(reader.ReadVarInt64(), reader.ReadDuration(), reader.ReadInstant());
}
