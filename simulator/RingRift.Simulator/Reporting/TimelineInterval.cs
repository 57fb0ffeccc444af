namespace RingRift.Simulator.Reporting;

/// <summary>
/// A span of virtual time [<see cref="Start"/>, <see cref="End"/>) in microseconds during which one lane
/// held <see cref="State"/>. <see cref="Detail"/> is the notice or event that began it, as the trace prints it.
/// </summary>
public sealed record TimelineInterval(long Start, long End, string State, string Detail)
{
    public long Length => End - Start;
}
