using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// A SWIM message that carries piggybacked membership updates (ping, ack, ping-req): the head, then
/// whatever the message adds, then the updates. Equal by value, updates compared element by element.
/// </summary>
public abstract record SwimPiggybackMessage(SwimIncarnation Sender, long Sequence, ImmutableArray<SwimUpdate> Updates)
    : SwimMessage(Sender, Sequence)
{
    public sealed override void WriteBody(WireWriter writer)
    {
        WriteHead(writer);
        WriteBeforeUpdates(writer);
        SwimUpdates.Write(writer, Updates);
    }

    /// <summary>The fields a message adds between the head and the updates; none by default.</summary>
    protected virtual void WriteBeforeUpdates(WireWriter writer) { }

    public virtual bool Equals(SwimPiggybackMessage? other) => base.Equals(other) && SwimUpdates.SequenceEqual(Updates, other.Updates);

    public override int GetHashCode() => System.HashCode.Combine(base.GetHashCode(), SwimUpdates.HashOf(Updates));
}
