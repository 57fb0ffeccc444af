namespace RingRift.Kernel.Ratings;

/// <summary>Asks for the results after <see cref="AfterId"/> (from the start when empty), one page at a time.</summary>
public sealed record EloRequest(string AfterId) : Message
{
    public override MessageKind Kind => MessageKind.EloRequest;

    public override void WriteBody(WireWriter writer) => writer.WriteString(AfterId, MatchResult.TextBytesMax);

    public static EloRequest Read(ref WireReader reader) => new(reader.ReadString(MatchResult.TextBytesMax));
}
