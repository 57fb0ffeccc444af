namespace RingRift.Kernel;

/// <summary>Wire tags of every kernel message. Values are part of the protocol: append, never renumber.</summary>
public enum MessageKind : byte
{
    Heartbeat = 1,
    HeartbeatAck = 2,
    GossipDigest = 20,
    GossipDelta = 21,
}
