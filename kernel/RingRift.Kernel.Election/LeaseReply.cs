namespace RingRift.Kernel.Election;

/// <summary>
/// A voter's answer to a <see cref="LeaseRequest"/>: granted or not, for the request's epoch, echoing
/// the requester's <see cref="RequestSentAt"/>. <see cref="VoterMaxEpoch"/> tells a refused candidate
/// how far epochs have gone, so its next attempt does not reuse a stale one; <see cref="BusyFor"/> how
/// long the voter's current grant to someone else still runs on its clock, so the candidate does not
/// ask again before it could succeed.
/// </summary>
public sealed record LeaseReply(long Epoch, bool Granted, Instant RequestSentAt, long VoterMaxEpoch, Duration BusyFor) : Message
{
    public override MessageKind Kind => MessageKind.LeaseReply;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        writer.WriteBool(Granted);
        writer.WriteInstant(RequestSentAt);
        writer.WriteVarInt64(VoterMaxEpoch);
        writer.WriteDuration(BusyFor);
    }

    public static LeaseReply Read(ref WireReader reader) =>
        new(reader.ReadVarInt64(), reader.ReadBool(), reader.ReadInstant(), reader.ReadVarInt64(), reader.ReadDuration());
}
