using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// "Probe <see cref="Target"/> for me": sent to k intermediaries when a direct probe went unanswered for
/// the probe timeout. The intermediary pings the target and relays its ack as a <see cref="SwimAck"/>
/// with this sequence, or answers <see cref="SwimNack"/> if the target stayed silent (Lifeguard: a
/// requester that misses nacks learns that it, not the target, is the one in trouble).
/// </summary>
public sealed record SwimPingReq(SwimIncarnation Sender, long Sequence, NodeId Target, ImmutableArray<SwimUpdate> Updates)
    : SwimMessage(Sender, Sequence)
{
    public override MessageKind Kind => MessageKind.SwimPingReq;

    public override void WriteBody(WireWriter writer)
    {
        WriteHead(writer);
        writer.WriteNodeId(Target);
        SwimUpdates.Write(writer, Updates);
    }

    public static SwimPingReq Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        var target = reader.ReadNodeId();
        return new SwimPingReq(sender, sequence, target, SwimUpdates.Read(ref reader));
    }

    public bool Equals(SwimPingReq? other) =>
        base.Equals(other) && Target == other.Target && SwimUpdates.SequenceEqual(Updates, other.Updates);

    public override int GetHashCode() => System.HashCode.Combine(base.GetHashCode(), Target, SwimUpdates.HashOf(Updates));
}
