using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The answer to a <see cref="SwimPing"/> (from its receiver) or to a <see cref="SwimPingReq"/> (from the
/// intermediary, once the target answered it), echoing the request's sequence. Always sent as a response,
/// so it reaches a NAT-blocked requester.
/// </summary>
public sealed record SwimAck(SwimIncarnation Sender, long Sequence, ImmutableArray<SwimUpdate> Updates) : SwimMessage(Sender, Sequence)
{
    public override MessageKind Kind => MessageKind.SwimAck;

    public override void WriteBody(WireWriter writer)
    {
        WriteHead(writer);
        SwimUpdates.Write(writer, Updates);
    }

    public static SwimAck Read(ref WireReader reader)
    {
        var (sender, sequence) = ReadHead(ref reader);
        return new SwimAck(sender, sequence, SwimUpdates.Read(ref reader));
    }

    public bool Equals(SwimAck? other) => base.Equals(other) && SwimUpdates.SequenceEqual(Updates, other.Updates);

    public override int GetHashCode() => System.HashCode.Combine(base.GetHashCode(), SwimUpdates.HashOf(Updates));
}
