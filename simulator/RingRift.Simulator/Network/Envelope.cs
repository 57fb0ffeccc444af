using RingRift.Kernel;

namespace RingRift.Simulator.Network;

/// <summary>A message that was sent: kept for delayed replay of old traffic.</summary>
internal readonly record struct Envelope(int From, int To, Message Message, bool IsResponse);
