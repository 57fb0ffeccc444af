namespace RingRift.Kernel.Election;

/// <summary>
/// A voter's answer to a <see cref="PreVoteRequest"/>: yes only when it holds no running grant for
/// another node and has heard no other live leader within the leader timeout. <see cref="VoterMaxEpoch"/>
/// lets the candidate propose an epoch above every one the voter has seen; <see cref="BusyFor"/> says
/// how long the voter will keep saying no (the longer of its running grant and its leader's timeout).
/// </summary>
public sealed record PreVoteReply(long Epoch, bool Granted, Instant RequestSentAt, long VoterMaxEpoch, Duration BusyFor) : Message
{
    public override MessageKind Kind => MessageKind.PreVoteReply;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        writer.WriteBool(Granted);
        writer.WriteInstant(RequestSentAt);
        writer.WriteVarInt64(VoterMaxEpoch);
        writer.WriteDuration(BusyFor);
    }

    public static PreVoteReply Read(ref WireReader reader) =>
        new(reader.ReadVarInt64(), reader.ReadBool(), reader.ReadInstant(), reader.ReadVarInt64(), reader.ReadDuration());
}
