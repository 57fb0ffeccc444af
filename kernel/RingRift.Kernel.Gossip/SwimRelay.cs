namespace RingRift.Kernel.Gossip;

/// <summary>
/// A ping this node sent to <paramref name="Target"/> on behalf of <paramref name="Requester"/>'s
/// <see cref="SwimPingReq"/>: a nack is due at <paramref name="NackAt"/> (<see cref="Instant.MaxValue"/>
/// once sent), and the target's ack is relayed until <paramref name="ExpiresAt"/>.
/// </summary>
internal readonly record struct SwimRelay(
    NodeId Requester, long RequesterSequence, long Sequence, NodeId Target, Instant NackAt, Instant ExpiresAt)
{
    public Instant Deadline => Instant.Min(NackAt, ExpiresAt);
}
