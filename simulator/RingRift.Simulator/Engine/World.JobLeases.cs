using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The process layer's work-lease kill, independent of the daemon: each node keeps one pending check at
/// the virtual time its clock reaches the earliest lease end of its running jobs. The check runs whether
/// the node's kernel steps or is paused, kills the jobs whose lease end the clock reached, and the kernel
/// learns their ends as ordinary completions (queued while it is paused).
/// </summary>
internal sealed partial class World
{
    private void ExtendJobLeases(SimNode node, ExtendJobLeases extend)
    {
        // Lease ends only move later, so the pending check is early at worst; it reschedules when it runs.
        node.Processes.ExtendLeases(node.Clock.Read(_now), extend.Until);
        _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life,
            payload: new EffectCompleted(extend.Id, JobLeasesExtended.Instance));
    }

    /// <summary>Keeps the node's pending check at the earliest lease end, on its clock as it runs now.</summary>
    private void ScheduleLeaseCheck(SimNode node)
    {
        if (node.Processes.NextLeaseEnd() is not { } end) return;
        var at = node.Clock.GlobalAt(end, _now);
        if (at >= node.LeaseCheckAt) return;
        node.LeaseCheckAt = at;
        node.LeaseCheckToken++;
        _queue.Schedule(at, EventKind.LeaseCheck, node.Index, token: node.LeaseCheckToken);
    }

    /// <summary>A stepped or re-drifted clock reaches the lease ends at other times: the check is placed anew.</summary>
    private void RescheduleLeaseCheck(SimNode node)
    {
        node.LeaseCheckAt = long.MaxValue;
        node.LeaseCheckToken++;
        ScheduleLeaseCheck(node);
    }

    private void OnLeaseCheck(in SimEvent item)
    {
        var node = _nodes[item.Node];
        if (item.Token != node.LeaseCheckToken) return;
        node.LeaseCheckAt = long.MaxValue;
        foreach (var kill in node.Processes.KillLapsed(_now, node.Clock.Read(_now)))
        {
            _trace.World(_now, node.Index, $"lease_kill {node.Id} job={kill.End.Job} paused={node.IsPaused}");
            ScheduleEnd(node, kill);
        }
        ScheduleLeaseCheck(node);
    }
}
