using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The answer to a <see cref="SwimPing"/> (from its receiver) or to a <see cref="SwimPingReq"/> (from the
/// intermediary, once the target answered it), echoing the request's sequence. Always sent as a response,
/// so it reaches a NAT-blocked requester.
/// </summary>
public sealed record SwimAck(SwimIncarnation Sender, long Sequence, ImmutableArray<SwimUpdate> Updates)
    : SwimPiggybackMessage(Sender, Sequence, Updates)
{
    public override MessageKind Kind => MessageKind.SwimAck;

    public static SwimAck Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        return new SwimAck(sender, sequence, SwimUpdates.Read(ref reader));
    }
}
