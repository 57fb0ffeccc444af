using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// "Are you alive?" A probe of the receiver, a relayed probe on behalf of a <see cref="SwimPingReq"/>,
/// a probe of a member believed dead, or a NAT-blocked member's beat. Always answered by a
/// <see cref="SwimAck"/> with the same <see cref="SwimMessage.Sequence"/>, on the sender's connection.
/// </summary>
public sealed record SwimPing(SwimIncarnation Sender, long Sequence, ImmutableArray<SwimUpdate> Updates)
    : SwimPiggybackMessage(Sender, Sequence, Updates)
{
    public override MessageKind Kind => MessageKind.SwimPing;

    public static SwimPing Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        return new SwimPing(sender, sequence, SwimUpdates.Read(ref reader));
    }
}
