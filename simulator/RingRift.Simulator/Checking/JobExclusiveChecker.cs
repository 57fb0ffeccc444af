using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// No job id runs on two nodes at once. A job runs from its launch until its process ends (seen by the
/// process layer, even while the node's kernel is paused and has not heard) or its node crashes. O(1) per notice.
/// </summary>
internal sealed class JobExclusiveChecker : Checker
{
    private readonly Dictionary<JobId, int> _runningOn = new();
    private readonly Dictionary<int, HashSet<JobId>> _byNode = new();

    public override string Name => CheckCatalog.JobExclusive;

    internal override void OnCrash(long now, SimNode node)
    {
        if (!_byNode.Remove(node.Index, out var jobs)) return;
        foreach (var job in jobs) _runningOn.Remove(job);
    }

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        switch (notice)
        {
            case JobLaunched launched:
                if (_runningOn.TryGetValue(launched.Job, out var other) && other != node.Index)
                {
                    Fail(now, $"{launched.Job} launched on {node.Id} while it runs on node #{other}");
                    return;
                }
                _runningOn[launched.Job] = node.Index;
                if (!_byNode.TryGetValue(node.Index, out var set)) _byNode.Add(node.Index, set = new HashSet<JobId>());
                set.Add(launched.Job);
                break;
            case JobExited exited: End(node, exited.Job); break;
            case JobLaunchFailed failed: End(node, failed.Job); break;
        }
    }

    internal override void OnProcessEnded(long now, SimNode node, JobId job) => End(node, job);

    private void End(SimNode node, JobId job)
    {
        if (_runningOn.TryGetValue(job, out var where) && where == node.Index) _runningOn.Remove(job);
        if (_byNode.TryGetValue(node.Index, out var set)) set.Remove(job);
    }
}
