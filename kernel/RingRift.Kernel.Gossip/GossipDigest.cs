namespace RingRift.Kernel.Gossip;

/// <summary>
/// "This is what I have in this range": one page of the sender's digest, sent each gossip round to
/// the round's targets and at each anti-entropy exchange. The receiver answers with a
/// <see cref="GossipDelta"/> when either side is behind, and stays silent when both agree.
/// </summary>
public sealed record GossipDigest(DigestPage Page) : Message
{
    public override MessageKind Kind => MessageKind.GossipDigest;

    public override void WriteBody(WireWriter writer) => Page.Write(writer);

    public static GossipDigest Read(ref WireReader reader) => new(DigestPage.Read(ref reader));
}
