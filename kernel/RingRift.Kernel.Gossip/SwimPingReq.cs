using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// "Probe <see cref="Target"/> for me": sent to k intermediaries when a direct probe went unanswered for
/// the probe timeout. The intermediary pings the target and relays its ack as a <see cref="SwimAck"/>
/// with this sequence, or answers <see cref="SwimNack"/> if the target stayed silent (Lifeguard: a
/// requester that misses nacks learns that it, not the target, is the one in trouble).
/// </summary>
public sealed record SwimPingReq(SwimIncarnation Sender, long Sequence, NodeId Target, ImmutableArray<SwimUpdate> Updates)
    : SwimPiggybackMessage(Sender, Sequence, Updates)
{
    public override MessageKind Kind => MessageKind.SwimPingReq;

    protected override void WriteBeforeUpdates(WireWriter writer) => writer.WriteNodeId(Target);

    public static SwimPingReq Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        var target = reader.ReadNodeId();
        return new SwimPingReq(sender, sequence, target, SwimUpdates.Read(ref reader));
    }
}
