namespace RingRift.Kernel.Ratings;

/// <summary>
/// "My rating table holds <see cref="Count"/> results with this <see cref="Digest"/>." Every node offers to
/// its leader each sync interval; a receiver holding something different answers with its results and, when
/// the offer was not itself an answer, asks for the sender's so it can pull what only the sender holds.
/// </summary>
public sealed record EloOffer(int Count, ulong Digest, bool IsAnswer) : Message
{
    public override MessageKind Kind => MessageKind.EloOffer;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarUInt64((ulong)Count);
        writer.WriteVarUInt64(Digest);
        writer.WriteBool(IsAnswer);
    }

    public static EloOffer Read(ref WireReader reader) =>
        new(reader.ReadBoundedInt(EloTable.MatchesMax), reader.ReadVarUInt64(), reader.ReadBool());
}
