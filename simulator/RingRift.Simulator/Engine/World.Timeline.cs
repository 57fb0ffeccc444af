using System;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private long _nextRequestId;

    private void Apply(TimelineEntry entry)
    {
        if (!TryResolveLeader(ref entry)) return;
        _timeline?.OnTimeline(_now, entry);
        switch (entry)
        {
            case CrashNode crash: Crash(NodeOf(crash.Node), crash.TornWrite); break;
            case RestartNode restart:
                if (restart.EpochAtLeast > 0 && NodeOf(restart.Node).RunState == NodeRunState.Crashed)
                    NodeOf(restart.Node).Disk.RaiseMaxEpoch(restart.EpochAtLeast);
                Restart(NodeOf(restart.Node));
                break;
            case PauseNode pause: Pause(NodeOf(pause.Node), pause.For); break;
            case LaunchCommand launch:
                _runtimes[launch.Job.Id] = launch.Runtime;
                Submit(launch.Node, new LaunchJob(launch.Job));
                break;
            case TerminateCommand terminate: Submit(terminate.Node, new TerminateJob(terminate.Job)); break;
            case DispatchCommand dispatch:
                foreach (var node in _nodes)
                    if (node.IsRunning) Submit(node.Id, new Kernel.Scheduling.Jobs.HaltDispatch(dispatch.Halted));
                break;
            case StepClock step: AdjustClock(step.Node, $"clock_step by={step.By}", n => n.Clock.Step(_now, step.By)); break;
            case DriftClock drift: AdjustClock(drift.Node, $"clock_drift ppm={drift.Ppm}", n => n.Clock.SetDrift(_now, drift.Ppm)); break;
            case GpuFault gpu: ApplyGpuFault(gpu); break;
            case ProcessFaults faults: ApplyProcessFaults(faults); break;
            case DiskFault disk: ApplyDiskFault(disk); break;
            case OperationsFault ops: ApplyOperations(ops); break;
            case QueueWorkCommand work: QueueWorkOnLeader(work); break;
            default:
                if (!ApplySync(entry)) ApplyNetworkChange(entry);
                break;
        }
    }

    private SimNode NodeOf(NodeId id) => _nodes[IndexOf(id)];

    private void Restart(SimNode node)
    {
        if (node.RunState != NodeRunState.Crashed)
        {
            _trace.World(_now, node.Index, $"restart {node.Id} ignored: it is running");
            return;
        }
        _counters.Restarts++;
        _stats.OnRestart(node);
        Boot(node);
    }

    private void Submit(NodeId target, Command command)
    {
        var node = NodeOf(target);
        _trace.World(_now, node.Index, $"submit {node.Id} {command}");
        Offer(node, new Submit(new RequestId(++_nextRequestId), command));
    }

    /// <summary>A clock change moves the node's deadlines in virtual time, so it gets a wake to re-arm them.</summary>
    private void AdjustClock(NodeId target, string description, Action<SimNode> change)
    {
        var node = NodeOf(target);
        change(node);
        Leases.ClockChanged(_now, node);
        RescheduleLeaseCheck(node);
        _trace.World(_now, node.Index, $"{description} {node.Id}");
        if (node.IsRunning) Step(node, Wake.Instance);
    }

    private void ApplyGpuFault(GpuFault fault)
    {
        var node = NodeOf(fault.Node);
        _trace.World(_now, node.Index, $"gpu {node.Id} {fault.Kind} slowdown={fault.SlowdownPercent}%");
        foreach (var end in node.Processes.SetGpu(fault.Kind, fault.SlowdownPercent))
            _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life, payload: end);
        _jobMetrics?.OnGpuHealth(_now, node.Index, node.Processes.Gpu == GpuHealth.Healthy);
        Offer(node, new Observed(ResourceSample.Idle with { GpuHealth = node.Processes.Gpu }));
    }

    private void ApplyProcessFaults(ProcessFaults faults)
    {
        var node = NodeOf(faults.Node);
        node.Processes.SetFaults(faults.LaunchFailure, faults.EarlyExit, faults.OutOfMemory);
        _trace.World(_now, node.Index,
            $"process_faults {node.Id} launch_failure={faults.LaunchFailure} early_exit={faults.EarlyExit} oom={faults.OutOfMemory}");
    }

    private void ApplyDiskFault(DiskFault fault)
    {
        var node = NodeOf(fault.Node);
        node.Disk.SetFault(fault.Kind, fault.Latency);
        _trace.World(_now, node.Index, $"disk {node.Id} {fault.Kind} latency={fault.Latency}");
    }
}
