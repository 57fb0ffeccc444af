using System.Runtime.InteropServices;

namespace RingRift.Simulator.Engine;

/// <summary>
/// One scheduled event. Ordered by (<see cref="Time"/>, <see cref="Sequence"/>): the sequence number is
/// the order of scheduling, so equal times resolve the same way in every run.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct SimEvent(
    long Time, long Sequence, EventKind Kind, int Node, int Peer, long Token, object? Payload)
{
    public bool Precedes(in SimEvent other) =>
        Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
}
