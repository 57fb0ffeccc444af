namespace RingRift.Kernel;

/// <summary>
/// A message to send. <see cref="IsResponse"/> marks an answer on a connection the peer opened,
/// which reaches a NAT-blocked peer that unsolicited messages cannot.
/// </summary>
public readonly record struct Outbound(NodeId To, Message Message, bool IsResponse = false);
