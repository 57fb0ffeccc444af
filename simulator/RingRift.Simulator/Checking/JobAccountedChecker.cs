using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Every job a leader assigned ends — completed, or failed with a reason (a lost job that runs out of
/// attempts, an overdue one) — or is legitimately live at the end: running on a node, or held by the
/// current leader's book. An assignment that never ran under a deposed leader is superseded, not lost:
/// its demand is derived again from state by the next leader. O(1) per notice; the end scans once.
/// </summary>
internal sealed class JobAccountedChecker : Checker
{
    private readonly SortedDictionary<JobId, long> _assigned = new();
    private readonly HashSet<JobId> _launched = new();
    private readonly Dictionary<JobId, int> _running = new();
    private long _maxEpoch;

    public override string Name => CheckCatalog.JobAccounted;

    internal override void OnCrash(long now, SimNode node)
    {
        var gone = new List<JobId>();
        foreach (var (job, where) in _running)
            if (where == node.Index) gone.Add(job);
        foreach (var job in gone) _running.Remove(job);
    }

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        switch (notice)
        {
            case JobAssigned assigned:
                _assigned[assigned.Job] = assigned.Epoch;
                if (assigned.Epoch > _maxEpoch) _maxEpoch = assigned.Epoch;
                break;
            case JobEnded ended: _assigned.Remove(ended.Job); break;
            case JobLost { Retried: false } lost: _assigned.Remove(lost.Job); break;
            case JobLaunched launched:
                _launched.Add(launched.Job);
                _running[launched.Job] = node.Index;
                break;
            case JobExited exited: _running.Remove(exited.Job); break;
            case JobLaunchFailed failed: _running.Remove(failed.Job); break;
        }
    }

    internal override void AtEnd(long now, World world)
    {
        foreach (var (job, epoch) in _assigned)
        {
            if (_running.ContainsKey(job) || HeldByALeader(world, job)) continue;
            if (epoch < _maxEpoch && !_launched.Contains(job)) continue;
            Fail(now, $"{job} (assigned at epoch {epoch}) neither ended nor is running or held by a leader");
            return;
        }
    }

    private static bool HeldByALeader(World world, JobId job)
    {
        foreach (var node in world.Nodes)
            if (node.Kernel?.Dispatch is { Epoch: > 0 } dispatch && dispatch.Book.TryGet(job, out _)) return true;
        return false;
    }
}
