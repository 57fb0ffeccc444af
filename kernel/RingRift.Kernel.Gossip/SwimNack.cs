namespace RingRift.Kernel.Gossip;

/// <summary>
/// An intermediary's answer to a <see cref="SwimPingReq"/> whose target did not ack within the
/// intermediary's probe timeout: "I am here, the target is not answering me either". Sent as a response.
/// </summary>
public sealed record SwimNack(SwimIncarnation Sender, long Sequence) : SwimMessage(Sender, Sequence)
{
    public override MessageKind Kind => MessageKind.SwimNack;

    public override void WriteBody(WireWriter writer) => WriteHead(writer);

    public static SwimNack Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        return new SwimNack(sender, sequence);
    }
}
