using System.Collections.Generic;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private readonly Dictionary<JobId, Duration> _runtimes = new();

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
                _timeline?.OnLaunch(_now, node.Index, launch.Job);
                ScheduleEnd(node, node.Processes.Launch(_now, launch, RuntimeOf(launch.Job)));
                break;
            case Terminate terminate:
                ScheduleEnd(node, node.Processes.Terminate(_now, terminate.Job));
                _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life,
                    payload: new EffectCompleted(terminate.Id, Terminated.Instance));
                break;
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
        return new EffectCompleted(end.Launch, end.Outcome);
    }

    /// <summary>The runtime a scenario gave the job, or a typical one for its kind.</summary>
    private Duration RuntimeOf(JobSpec job) => _runtimes.TryGetValue(job.Id, out var runtime) ? runtime : job.Kind switch
    {
        JobKind.Selfplay => Duration.FromMinutes(30),
        JobKind.Training => Duration.FromHours(1),
        _ => Duration.FromMinutes(10),
    };
}
