using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine.Operations;
using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The operations model, when the scenario turns monitoring on: every half sample interval each host
/// samples its machine (disk used, memory, the games its selfplay wrote) and hands it to its kernel;
/// the operations faults (disk_fill, disk_cleanup, selfplay silent, overload) change what it samples;
/// and the alerts, healing actions and events the kernels announce are counted and judged.
/// </summary>
internal sealed partial class World
{
    private static readonly Ratio MemoryUsed = Ratio.FromPercent(40);
    private OpsBook? _ops;
    private long _lastSampleAt;

    /// <summary>A host's sampling round, for every node at once.</summary>
    private sealed class SampleTick
    {
        public static readonly SampleTick Instance = new();
    }

    /// <summary>One stall of an overloaded node.</summary>
    private sealed record OverloadTick(Overload Fault);

    private void ScheduleOperations()
    {
        if (_scenario.Monitoring is not { } monitoring) return;
        _ops = new OpsBook(monitoring, _nodes.Length);
        _queue.Schedule(monitoring.SampleInterval.Micros / 2, EventKind.Operations, 0, payload: SampleTick.Instance);
    }

    private void OnOperations(in SimEvent item)
    {
        if (item.Payload is OverloadTick overload) OnOverloadTick(overload.Fault);
        else SampleAll();
    }

    private void ApplyOperations(OperationsFault fault)
    {
        var node = NodeOf(fault.Node);
        _trace.World(_now, node.Index, $"{fault.Verb} {node.Id} {fault}");
        if (_ops is null) return;
        var ops = _ops.Nodes[node.Index];
        switch (fault)
        {
            case DiskFill fill: ops.SetFill(_now, fill.PerHour); break;
            case DiskCleanup cleanup: ops.Cleanup(_now, cleanup.To); break;
            case SelfplaySilent silent:
                ApplySilence(node, silent.Silent);
                break;
            case Overload overload:
                ops.OverloadUntil = _now + overload.For.Micros;
                ops.SlowdownPercent = overload.SlowdownPercent;
                _queue.Schedule(_now, EventKind.Operations, node.Index, payload: new OverloadTick(overload));
                break;
        }
    }

    /// <summary>
    /// Silent: the GPU's processes stay alive and make no progress (the hang model), but the host's samples
    /// keep saying the GPU is healthy, so only the missing games tell. Recover: the stuck processes exit
    /// failed (an operator restarts selfplay) and new ones write games again.
    /// </summary>
    private void ApplySilence(SimNode node, bool silent)
    {
        _ops!.OnSilent(_now, node.Index, silent);
        var ends = node.Processes.SetGpu(silent ? GpuFaultKind.Hang : GpuFaultKind.FailStop, 100);
        if (!silent) node.Processes.SetGpu(GpuFaultKind.Recover, 100);
        foreach (var end in ends) _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life, payload: end);
    }

    private void OnOverloadTick(Overload fault)
    {
        var node = NodeOf(fault.Node);
        if (!_ops!.Nodes[node.Index].Overloaded(_now)) return;
        Pause(node, fault.Stall);
        _queue.Schedule(_now + fault.Every.Micros, EventKind.Operations, node.Index, payload: new OverloadTick(fault));
    }

    private void SampleAll()
    {
        var interval = _scenario.Monitoring!.SampleInterval.Micros / 2;
        AccrueGames();
        _lastSampleAt = _now;
        _ops!.Judge(_now);
        foreach (var node in _nodes)
            if (node.RunState != NodeRunState.Crashed) Offer(node, new Observed(SampleOf(node)));
        _queue.Schedule(_now + interval, EventKind.Operations, 0, payload: SampleTick.Instance);
    }

    private ResourceSample SampleOf(SimNode node)
    {
        var ops = _ops!.Nodes[node.Index];
        var gpu = ops.Silent && node.Processes.Gpu == GpuHealth.Hung ? GpuHealth.Healthy : node.Processes.Gpu;
        return ResourceSample.Idle with
        {
            MemoryUsed = MemoryUsed, GpuHealth = gpu, DiskUsed = new Ratio(ops.DiskUsedAt(_now)), GamesWritten = ops.GamesMilli / 1000,
        };
    }

    /// <summary>Each running selfplay job's games since the last sample, at its GPU's rate, slowed by overload; none on a stuck GPU.</summary>
    private void AccrueGames()
    {
        if (_workload is null) return;
        var hour = Duration.FromHours(1).Micros;
        foreach (var ((index, job), (spec, startedAt)) in _launched)
        {
            var node = _nodes[index];
            if (spec.Kind != JobKind.Selfplay || node.Processes.Gpu == GpuHealth.Hung || !node.Processes.IsRunning(job)) continue;
            var ops = _ops!.Nodes[index];
            var ran = _now - System.Math.Max(startedAt, _lastSampleAt);
            var rate = WorkloadModel.GamesPerHour(node.Host.Profile, ConfigKeys.IndexOf(spec.Config));
            ops.GamesMilli += rate * 1000 * ran / hour * 100 / (ops.Overloaded(_now) ? ops.SlowdownPercent : 100);
        }
    }

    /// <summary>
    /// A heartbeat delay alert is true when the node's link, or the leader's, is held back by a <c>link_delay</c>,
    /// or the link between them is cut (an unanswered report counts as delay).
    /// </summary>
    private bool LinkDelayedTo(SimNode node)
    {
        if (_ops!.Nodes[node.Index].LinkDelayed) return true;
        if (CurrentLeader() is not { } id) return false;
        var leader = IndexOf(id);
        return _ops.Nodes[leader].LinkDelayed || _network.Links.IsBlocked(node.Index, leader) || _network.Links.IsBlocked(leader, node.Index);
    }

    /// <summary>A healing action is judged by the state of the node it acted on, every other notice by its own node's.</summary>
    private void ObserveOperations(SimNode node, Notice notice)
    {
        var subject = notice is Kernel.Monitoring.HealingAction action ? NodeOf(action.Node) : node;
        var stuck = subject.Processes.Gpu == GpuHealth.Hung;
        if (_ops!.OnNotice(_now, node.Index, notice, stuck, LinkDelayedTo(node)) is { } name) _trace.World(_now, node.Index, $"event {name} {node.Id}");
    }
}
