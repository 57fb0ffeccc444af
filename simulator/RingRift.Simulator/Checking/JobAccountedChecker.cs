using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Every job a leader assigned ends — completed, or failed with a reason (a lost job that runs out of
/// attempts, an overdue one) — or is legitimately live at the end: running on a node, or held by a
/// leader's book. A job that waits in a deposed leader's book with no execution of it started since
/// (an assignment that never ran, or a lost execution's retry still pending) is superseded, not lost: a
/// leader's book is volatile, it is dropped with the leadership, and the successor derives the demand
/// again from state (selfplay to fill the cluster's slots, trainings and gauntlets from the pipeline).
/// An execution that started is never excused: it must end, be running, or be held. O(1) per notice
/// (O(running) per crash); the end scans once.
/// </summary>
internal sealed class JobAccountedChecker : Checker
{
    /// <summary>Where a job waits: the epoch of the book that holds it, and whether an execution of it started there.</summary>
    private readonly record struct Held(long BookEpoch, bool Executing);

    private readonly SortedDictionary<JobId, Held> _assigned = new();
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
            case LeaderChanged { Leader: not null } changed: RaiseEpoch(changed.Epoch); break;
            case JobAssigned assigned:
                _assigned[assigned.Job] = new Held(assigned.Epoch, Executing: false);
                RaiseEpoch(assigned.Epoch);
                break;
            case JobEnded ended: _assigned.Remove(ended.Job); break;
            case JobLost { Retried: false } lost: _assigned.Remove(lost.Job); break;
            case JobLost retried when _assigned.ContainsKey(retried.Job):
                _assigned[retried.Job] = new Held(retried.Epoch, Executing: false);
                break;
            case JobLaunched launched:
                if (_assigned.TryGetValue(launched.Job, out var held)) _assigned[launched.Job] = held with { Executing = true };
                _running[launched.Job] = node.Index;
                break;
            case JobExited exited: _running.Remove(exited.Job); break;
            case JobLaunchFailed failed: _running.Remove(failed.Job); break;
        }
    }

    private void RaiseEpoch(long epoch)
    {
        if (epoch > _maxEpoch) _maxEpoch = epoch;
    }

    internal override void AtEnd(long now, World world)
    {
        foreach (var (job, held) in _assigned)
        {
            if (_running.ContainsKey(job) || HeldByALeader(world, job)) continue;
            if (held.BookEpoch < _maxEpoch && !held.Executing) continue;
            Fail(now, $"{job} (in the book of epoch {held.BookEpoch}, {(held.Executing ? "launched" : "not launched")}) neither ended nor is running or held by a leader");
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
