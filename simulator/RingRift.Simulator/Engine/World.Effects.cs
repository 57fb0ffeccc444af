using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine.Workload;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private readonly Dictionary<JobId, Duration> _runtimes = new();
    private readonly Dictionary<(int Node, JobId Job), (JobSpec Spec, long StartedAt)> _launched = new();
    private readonly WorkloadModel? _workload;
    private readonly JobMetrics? _jobMetrics;

    /// <summary>The dispatch settings every node runs with when the scenario has a workload.</summary>
    public static SchedulingConfig Scheduling => SchedulingConfig.Default;

    /// <summary>The dispatch settings with the scenario's training thresholds, if it lowers them.</summary>
    private static SchedulingConfig SchedulingFor(Scenarios.WorkloadSpec spec) => spec.TrainingGames is not { } games
        ? Scheduling
        : Scheduling with
        {
            Policy = Scheduling.Policy with
            {
                TrainingGamesMin = games.First, TrainingGamesMinFloor = games.First,
                TrainingGamesIncrement = games.Next, TrainingGamesIncrementFloor = games.Next,
            },
        };

    /// <summary>True when the scenario runs dispatch (it has a <c>workload</c> block).</summary>
    public bool HasWorkload => _workload is not null;

    /// <summary>The slots dispatch gives a node (its GPU class's selfplay processes per GPU × GPUs; a training takes a GPU's share).</summary>
    public NodeCapacity DispatchCapacityOf(SimNode node) => Scheduling.CapacityOf(node.Host.Profile);

    private void Perform(SimNode node, Effect effect)
    {
        switch (effect)
        {
            case Persist persist:
                _queue.Schedule(node.Disk.BeginWrite(_now), EventKind.EffectDone, node.Index, token: node.Life,
                    payload: new WritePending(persist.Id, persist.State));
                break;
            case Launch launch:
                _counters.JobsLaunched++;
                if (_workload is not null) _launched[(node.Index, launch.Job.Id)] = (launch.Job, _now);
                ScheduleEnd(node, node.Processes.Launch(_now, launch, RuntimeOf(node, launch.Job)));
                ScheduleLeaseCheck(node);
                break;
            case ExtendJobLeases extend: ExtendJobLeases(node, extend); break;
            case Terminate terminate:
                ScheduleEnd(node, node.Processes.Terminate(_now, terminate.Job));
                _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life,
                    payload: new EffectCompleted(terminate.Id, Terminated.Instance));
                break;
            case StartTransfer start: StartTransfer(node, start); break;
            case CancelTransfer cancel: CancelTransfer(node, cancel); break;
            case DeleteFile delete: DeleteFile(node, delete); break;
            case ProvisionNodes provision: Provision(node, provision); break;
            case DecommissionNode decommission: Decommission(node, decommission); break;
        }
    }

    private void ScheduleEnd(SimNode node, (long At, ProcessEnd End)? end)
    {
        if (end is { } scheduled)
            _queue.Schedule(scheduled.At, EventKind.EffectDone, node.Index, token: node.Life, payload: scheduled.End);
    }

    private void OnEffectDone(in SimEvent item)
    {
        var node = _nodes[item.Node];
        if (item.Token != node.Life) return;
        var input = item.Payload switch
        {
            WritePending write => CompleteWrite(node, write),
            ProcessEnd end => CompleteProcess(node, end),
            Sync.TransferRun run => CompleteTransfer(node, run),
            Sync.DeleteRun run => CompleteDelete(node, run),
            EffectCompleted ready => ready,
            _ => null,
        };
        if (input is not null) Offer(node, input);
    }

    private static EffectCompleted CompleteWrite(SimNode node, WritePending write) =>
        new(write.Effect, node.Disk.CompleteWrite(write.State));

    private EffectCompleted? CompleteProcess(SimNode node, ProcessEnd end)
    {
        if (!node.Processes.TryFinish(end)) return null;
        if (end.Outcome is ProcessExited) _counters.JobsExited++;
        foreach (var checker in _checkers) checker.OnProcessEnded(_now, node, end.Job);
        _jobMetrics?.OnProcessEnded(_now, node.Index, end.Job, end.Outcome is ProcessExited { Succeeded: true });
        if (_workload is not null && _launched.Remove((node.Index, end.Job), out var started)
            && end.Outcome is ProcessExited exited && (exited.Succeeded || WroteGamesUntilKilled(node, started.Spec, exited)))
        {
            var output = _workload.OutputOf(node.Host.Profile, started.Spec, new Duration(_now - started.StartedAt));
            if (started.Spec.Kind == JobKind.Selfplay) _timeline?.OnGames(_now, started.Spec.Config, output);
            OnJobOutput(node, started.Spec, output);
            return new EffectCompleted(end.Launch, exited with { Output = output });
        }
        return new EffectCompleted(end.Launch, end.Outcome);
    }

    /// <summary>
    /// A selfplay killed on the kernel's order (the leader stopping it on a stale model, a duplicate, an
    /// orphan) leaves the games it wrote until then on disk; one whose GPU hangs wrote none after the hang,
    /// and counts none here. Lease kills and the OOM killer end other ways and count nothing.
    /// </summary>
    private static bool WroteGamesUntilKilled(SimNode node, JobSpec job, ProcessExited exited) =>
        job.Kind == JobKind.Selfplay && exited == SimProcesses.Terminated && node.Processes.Gpu == GpuHealth.Healthy;

    /// <summary>The runtime a scenario gave the job, or a typical one for its kind.</summary>
    private Duration RuntimeOf(SimNode node, JobSpec job) =>
        _runtimes.TryGetValue(job.Id, out var runtime) ? runtime
        : _workload is not null ? _workload.RuntimeOf(node.Host.Profile, job)
        : job.Kind switch
    {
        JobKind.Selfplay => Duration.FromMinutes(30),
        JobKind.Training => Duration.FromHours(1),
        _ => Duration.FromMinutes(10),
    };
}
