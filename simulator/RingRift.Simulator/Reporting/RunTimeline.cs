using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// The compact timeline of one run, recorded from the same notices and events that feed the checkers,
/// the trace and the summary (see <see cref="TimelineRecorder"/>). Times are virtual microseconds.
/// Everything here is a pure function of (scenario, seed).
/// </summary>
public sealed record RunTimeline(
    long EndMicros,
    long BucketMicros,
    ImmutableArray<TimelineNode> Nodes,
    ImmutableArray<string> Checks,
    ImmutableArray<TimelineLane> Lanes,
    ImmutableArray<TimelineMark> Marks,
    ImmutableArray<FaultWindow> Windows,
    ImmutableArray<TimelineSeries> Series,
    bool Truncated)
{
    /// <summary>The lane of <paramref name="kind"/> for node <paramref name="node"/> (-1: cluster-wide), or null.</summary>
    public TimelineLane? Lane(string kind, int node)
    {
        foreach (var lane in Lanes)
            if (lane.Kind == kind && lane.Node == node) return lane;
        return null;
    }

    /// <summary>The series called <paramref name="name"/>, or null.</summary>
    public TimelineSeries? SeriesNamed(string name)
    {
        foreach (var series in Series)
            if (series.Name == name) return series;
        return null;
    }

    /// <summary>
    /// Each stretch with no leader after a leader existed, and how long it lasted until the next leader
    /// was elected: the "time to new leader". A gap still open at the end of the run is left out.
    /// </summary>
    public ImmutableArray<long> LeaderGapsMicros()
    {
        var gaps = ImmutableArray.CreateBuilder<long>();
        var lane = Lane(LaneKinds.Leader, -1);
        if (lane is null) return gaps.ToImmutable();
        var intervals = lane.Intervals;
        for (var i = 1; i + 1 < intervals.Length; i++)
            if (intervals[i].State == TimelineRecorder.NoLeader) gaps.Add(intervals[i].Length);
        return gaps.ToImmutable();
    }
}
