namespace RingRift.Simulator.Reporting;

/// <summary>
/// A point on the timeline: an epoch at a leadership change, a violation, a clock step, an alert.
/// <see cref="Node"/> is the node's index, or -1 for the whole cluster.
/// </summary>
public sealed record TimelineMark(long At, int Node, string Kind, string Label, string Detail);
