using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// "Are you alive?" A probe of the receiver, a relayed probe on behalf of a <see cref="SwimPingReq"/>,
/// a probe of a member believed dead, or a NAT-blocked member's beat. Always answered by a
/// <see cref="SwimAck"/> with the same <see cref="SwimMessage.Sequence"/>, on the sender's connection.
/// </summary>
public sealed record SwimPing(SwimIncarnation Sender, long Sequence, ImmutableArray<SwimUpdate> Updates) : SwimMessage(Sender, Sequence)
{
    public override MessageKind Kind => MessageKind.SwimPing;

    public override void WriteBody(WireWriter writer)
    {
        WriteHead(writer);
        SwimUpdates.Write(writer, Updates);
    }

    public static SwimPing Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        return new SwimPing(sender, sequence, SwimUpdates.Read(ref reader));
    }

    public bool Equals(SwimPing? other) => base.Equals(other) && SwimUpdates.SequenceEqual(Updates, other.Updates);

    public override int GetHashCode() => System.HashCode.Combine(base.GetHashCode(), SwimUpdates.HashOf(Updates));
}
