using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// One lane of the timeline: the intervals of one <see cref="Kind"/> (see <see cref="LaneKinds"/>) for one
/// node (<see cref="Node"/> is its index, or -1 for a cluster-wide lane). Intervals are in time order, do
/// not overlap, and cover the time from the lane's first state to the end of the run.
/// </summary>
public sealed record TimelineLane(string Kind, int Node, ImmutableArray<TimelineInterval> Intervals);
