using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// The open state of every lane and the intervals already closed. Setting a lane to the state it holds
/// changes nothing; setting another state closes the current interval and opens one. Intervals of zero
/// length are dropped (a state replaced at the same instant never showed). At most
/// <see cref="IntervalsMax"/> intervals are kept; past that the book stops and says it was truncated.
/// </summary>
internal sealed class LaneBook
{
    public const int IntervalsMax = 200_000;
    private readonly Dictionary<(string Kind, int Node), Lane> _lanes = new();
    private readonly List<(string Kind, int Node)> _order = new();
    private int _intervals;

    public bool Truncated { get; private set; }

    /// <summary>The state lane (<paramref name="kind"/>, <paramref name="node"/>) holds, or null if it has none yet.</summary>
    public string? StateOf(string kind, int node) =>
        _lanes.TryGetValue((kind, node), out var lane) && lane.Open is { } open ? open.State : null;

    public void Set(string kind, int node, long now, string state, string detail)
    {
        if (!_lanes.TryGetValue((kind, node), out var lane))
        {
            lane = new Lane();
            _lanes.Add((kind, node), lane);
            _order.Add((kind, node));
        }
        if (lane.Open is { } open)
        {
            if (open.State == state) return;
            if (open.Start < now) Close(lane, open, now);
        }
        lane.Open = (now, state, detail);
    }

    /// <summary>Closes every open interval at <paramref name="end"/>; lanes come out in order of first use.</summary>
    public ImmutableArray<TimelineLane> Finish(long end)
    {
        var lanes = ImmutableArray.CreateBuilder<TimelineLane>(_order.Count);
        foreach (var key in _order)
        {
            var lane = _lanes[key];
            if (lane.Open is { } open && open.Start < end) lane.Closed.Add(new TimelineInterval(open.Start, end, open.State, open.Detail));
            lane.Open = null;
            lanes.Add(new TimelineLane(key.Kind, key.Node, [.. lane.Closed]));
        }
        return lanes.MoveToImmutable();
    }

    private void Close(Lane lane, (long Start, string State, string Detail) open, long now)
    {
        if (_intervals >= IntervalsMax)
        {
            Truncated = true;
            return;
        }
        _intervals++;
        lane.Closed.Add(new TimelineInterval(open.Start, now, open.State, open.Detail));
    }

    private sealed class Lane
    {
        public List<TimelineInterval> Closed { get; } = new();
        public (long Start, string State, string Detail)? Open { get; set; }
    }
}
