namespace RingRift.Kernel.Election;

/// <summary>
/// "Would you grant me a lease at <see cref="Epoch"/>?", asked before a candidate bumps and persists
/// its epoch. Binding on nobody: a voter answers from what it knows now and remembers nothing.
/// <see cref="SentAt"/> (the sender's clock) names the round, echoed in the reply.
/// </summary>
public sealed record PreVoteRequest(long Epoch, Instant SentAt) : Message
{
    public override MessageKind Kind => MessageKind.PreVoteRequest;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        writer.WriteInstant(SentAt);
    }

    public static PreVoteRequest Read(ref WireReader reader) => new(reader.ReadVarInt64(), reader.ReadInstant());
}
