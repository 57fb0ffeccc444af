using System.Collections.Immutable;
using System.Globalization;
using RingRift.Kernel;
using RingRift.Simulator.Network;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Reporting;

internal sealed partial class TimelineRecorder
{
    private const string NetworkKey = "net:";
    private int _networkFaults;

    /// <summary>
    /// A scenario timeline entry as the world applies it: faults open windows (closed by the entry that
    /// lifts them, or at the end of the run), clock steps are marks. Crashes, restarts and pauses are
    /// recorded by the world's own hooks, since it may ignore them (a restart of a running node).
    /// </summary>
    public void OnTimeline(long now, TimelineEntry entry)
    {
        switch (entry)
        {
            case PartitionNodes p:
                OpenNetwork(now, "partition", $"partition [{Names(p.Group)}] from [{(p.Other.IsDefaultOrEmpty ? "the rest" : Names(p.Other))}]", Concat(p.Group, p.Other));
                break;
            case BlockOneWay b: OpenNetwork(now, "one_way", $"one_way [{Names(b.From)}] -> [{Names(b.To)}]", Concat(b.From, b.To)); break;
            case FlapLink f: OpenNetwork(now, "flap", $"flap {f.A} <-> {f.B} every {f.Period}", [IndexOf(f.A), IndexOf(f.B)]); break;
            case HealNetwork:
                _windows.CloseAll(NetworkKey, now);
                Mark(now, -1, "heal", "heal", "heal network");
                break;
            case SetNetworkFaults n: OnNetworkFaults(now, n); break;
            case StepClock s: Mark(now, IndexOf(s.Node), "clock", "step", $"{s.Node} clock_step by={s.By}"); break;
            case DriftClock d: OnDrift(now, d); break;
            case GpuFault g:
                OnNodeFault(now, "gpu", g.Node, g.Kind != GpuFaultKind.Recover, $"{g.Node} gpu {g.Kind} slowdown={g.SlowdownPercent}%");
                OnGpuFault(now, IndexOf(g.Node), g.Kind, $"{g.Node} gpu {g.Kind}");
                break;
            case DiskFault d:
                OnNodeFault(now, "disk", d.Node, d.Kind != DiskFaultKind.Healthy, $"{d.Node} disk {d.Kind}" + (d.Kind == DiskFaultKind.Slow ? $" latency={d.Latency}" : ""));
                break;
            case ProcessFaults f:
                OnNodeFault(now, "process", f.Node, f.LaunchFailure.BasisPoints + f.EarlyExit.BasisPoints + f.OutOfMemory.BasisPoints > 0,
                    $"{f.Node} process_faults launch_failure={f.LaunchFailure} early_exit={f.EarlyExit} oom={f.OutOfMemory}");
                break;
        }
    }

    /// <summary>
    /// After any change of the network: each node is "cut off" (it cannot reach, or be reached by, at least
    /// half of the others), "partial" (a quarter or more), or "connected" (fewer: the majority side of a
    /// small partition, or the ends of one flapping link, which the fault windows show). O(n²), on network
    /// changes only.
    /// </summary>
    public void OnNetwork(long now, LinkTable links, string detail)
    {
        var n = _names.Length;
        for (var node = 0; node < n; node++)
        {
            int outCut = 0, inCut = 0;
            for (var other = 0; other < n; other++)
            {
                if (links.IsBlocked(node, other)) outCut++;
                if (links.IsBlocked(other, node)) inCut++;
            }
            var cut = System.Math.Max(outCut, inCut);
            var state = cut == 0 || 4 * cut < n - 1 ? "connected" : 2 * cut >= n - 1 ? "cut off" : "partial";
            _lanes.Set(LaneKinds.Network, node, now, state, $"{detail} ({_names[node]}: {outCut} links out and {inCut} in cut)");
        }
    }

    private void OpenNetwork(long now, string kind, string detail, ImmutableArray<int> nodes) =>
        _windows.Open(NetworkKey + (++_networkFaults).ToString(CultureInfo.InvariantCulture), now, kind, detail, nodes);

    private void OnNetworkFaults(long now, SetNetworkFaults n)
    {
        var any = n.Loss.BasisPoints + n.Duplicate.BasisPoints + n.Reorder.BasisPoints + n.Replay.BasisPoints > 0;
        if (any) _windows.Open("loss", now, "lossy", $"network loss={n.Loss} duplicate={n.Duplicate} reorder={n.Reorder} replay={n.Replay}", []);
        else _windows.Close("loss", now);
    }

    /// <summary>A drift back to the host's configured rate ends the window; any other rate opens one.</summary>
    private void OnDrift(long now, DriftClock d)
    {
        var node = IndexOf(d.Node);
        var key = "clock:" + node.ToString(CultureInfo.InvariantCulture);
        if (d.Ppm == _scenario.Hosts[node].Clock.DriftPpm) _windows.Close(key, now);
        else _windows.Open(key, now, "clock", $"{d.Node} clock_drift ppm={d.Ppm}", [node]);
    }

    private void OnNodeFault(long now, string kind, NodeId target, bool on, string detail)
    {
        var node = IndexOf(target);
        var key = kind + ":" + node.ToString(CultureInfo.InvariantCulture);
        if (on) _windows.Open(key, now, kind, detail, [node]);
        else _windows.Close(key, now);
    }

    private int IndexOf(NodeId node) => System.Array.IndexOf(_names, node.Value);

    private ImmutableArray<int> Concat(ImmutableArray<NodeId> a, ImmutableArray<NodeId> b)
    {
        var nodes = ImmutableArray.CreateBuilder<int>();
        foreach (var id in a) nodes.Add(IndexOf(id));
        if (!b.IsDefault)
            foreach (var id in b) nodes.Add(IndexOf(id));
        return nodes.ToImmutable();
    }

    private static string Names(ImmutableArray<NodeId> nodes) => string.Join(",", nodes);
}
