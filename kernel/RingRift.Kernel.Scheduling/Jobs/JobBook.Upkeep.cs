using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class JobBook
{
    /// <summary>
    /// Takes in a job a node reports running that the book does not hold (a new leader rebuilding, or a
    /// job started under an earlier leader). False when the book already places that id elsewhere or has
    /// finished it, when it is the execution this book declared lost on that node (still reported while
    /// its fence kills it: adopting it would count it lost, and as an attempt, twice), or the node has
    /// no room for it: the caller kills that execution.
    /// </summary>
    public bool Adopt(JobSpec spec, NodeId node, long epoch, Instant now)
    {
        if (_finished.Contains(spec.Id)) return false;
        if (_live.TryGetValue(spec.Id, out var known))
        {
            if (known.Node == node) return MarkRunning(spec.Id, node, now);
            if (known.State != JobState.Pending || IsLostOn(spec.Id, node) || !Node(node).Fits(spec.Kind)) return false;
            RemovePending(known);
            return Place(known, node, epoch, now);
        }
        if (_live.Count >= limits.JobsMax || !Node(node).Fits(spec.Kind)) return false;
        var job = new JobRecord(spec, 0, ++_sequence, now);
        _live.Add(spec.Id, job);
        return Place(job, node, epoch, now);
    }

    private bool Place(JobRecord job, NodeId node, long epoch, Instant now)
    {
        Hold(job, node);
        job.State = JobState.Running;
        job.Epoch = epoch;
        job.Attempts++;
        job.Since = now;
        RunningCount++;
        Version++;
        return true;
    }

    /// <summary>
    /// Compares what <paramref name="node"/> reports running with what the book holds there. Jobs the
    /// book has running there but the node does not report are lost (<paramref name="lost"/>); jobs
    /// assigned longer than <paramref name="assignTimeout"/> and still not reported never ran and go back
    /// to pending. <paramref name="reported"/> must be the node's whole running set.
    /// </summary>
    public void Reconcile(NodeId node, IReadOnlyList<JobId> reported, long ordersSeen, Instant now, Duration assignTimeout, List<JobId> lost)
    {
        if (!_nodes.TryGetValue(node, out var slots)) return;
        ForgetLostGone(slots, reported);
        for (var i = slots.Jobs.Count - 1; i >= 0; i--)
        {
            var id = slots.Jobs[i];
            if (Contains(reported, id)) continue;
            var job = _live[id];
            if (Contains(reported, id)) MarkRunning(id, node, now);
            if (job.State == JobState.Running)
            {
                lost.Add(id);
                MarkLost(id, "not running on " + node, now);
            }
            else if (now - job.Since >= assignTimeout && PassedItsOrders(job, ordersSeen))
            {
                Release(id, "never started on " + node, now, slots.CooldownUntil);
            }
        }
    }

    /// <summary>A node is gone (silent past its work lease): its running jobs are lost, its assignments go back to pending.</summary>
    public void NodeDown(NodeId node, Instant now, List<JobId> lost) => GiveUpNode(node, [], long.MaxValue, now, lost);

    /// <summary>
    /// A node still reporting is quarantined: its running jobs (<paramref name="reported"/> included) are
    /// lost, but an assignment goes back to pending only when the report shows it never started there (not
    /// running, its orders passed, see <see cref="PassedItsOrders"/>). One whose orders the node may still apply stays held there until
    /// a report passes them (then <see cref="Reconcile"/> or this releases it, or it runs and is lost) or
    /// the node is silent past its work lease (<see cref="NodeDown"/>): released as never started, an
    /// execution the worker did launch would be counted nowhere.
    /// </summary>
    public void Quarantine(NodeId node, IReadOnlyList<JobId> reported, long ordersSeen, Instant now, List<JobId> lost) =>
        GiveUpNode(node, reported, ordersSeen, now, lost);

    private void GiveUpNode(NodeId node, IReadOnlyList<JobId> reported, long ordersSeen, Instant now, List<JobId> lost)
    {
        if (!_nodes.TryGetValue(node, out var slots)) return;
        for (var i = slots.Jobs.Count - 1; i >= 0; i--)
        {
            var id = slots.Jobs[i];
            var job = _live[id];
            if (Contains(reported, id)) MarkRunning(id, node, now);
            if (job.State == JobState.Running)
            {
                lost.Add(id);
                MarkLost(id, node + " is down", now);
                if (_live.ContainsKey(id) && !slots.LostHere.Contains(id)) slots.LostHere.Add(id);
            }
            else if (PassedItsOrders(job, ordersSeen)) Release(id, node + " is down", now, slots.CooldownUntil);
        }
    }

    /// <summary>
    /// The node has applied the orders that carried the job's assignment (<paramref name="ordersSeen"/>,
    /// its report's <see cref="JobReport.OrdersSeen"/>): if it does not run the job now, it never will.
    /// </summary>
    private static bool PassedItsOrders(JobRecord job, long ordersSeen) => ordersSeen >= job.Orders;

    /// <summary>
    /// True while an execution of the job that this book declared lost on the node (silent or quarantined)
    /// may still run there: it was counted lost once, so it is never adopted back (to be lost, and counted,
    /// again), nor the job placed there beside it (the worker would not start the new assignment, and the
    /// old execution's end would be taken for the new one's). Cleared when the node reports it gone.
    /// </summary>
    private bool IsLostOn(JobId id, NodeId node) =>
        _nodes.TryGetValue(node, out var slots) && slots.LostHere.Count > 0 && slots.LostHere.Contains(id);

    /// <summary>The executions declared lost on the node that its report no longer runs are gone.</summary>
    private void ForgetLostGone(NodeSlots slots, IReadOnlyList<JobId> reported)
    {
        for (var i = slots.LostHere.Count - 1; i >= 0; i--)
            if (!Contains(reported, slots.LostHere[i])) slots.LostHere.RemoveAt(i);
        for (var i = slots.AwaitingGone.Count - 1; i >= 0; i--)
        {
            if (Contains(reported, slots.AwaitingGone[i])) continue;
            _awaitingGone.Remove(slots.AwaitingGone[i]);
            slots.AwaitingGone.RemoveAt(i);
        }
    }

    /// <summary>
    /// The node was quarantined and its jobs declared lost (<see cref="NodeDown"/>) while their processes
    /// still run there: their retries start nowhere until the node reports them gone (its kill landed) or
    /// is silent past its work lease (<see cref="Fenced"/>), so a kill that never arrives cannot let a
    /// retry run beside its original.
    /// </summary>
    public void HoldUntilGone(NodeId node)
    {
        if (!_nodes.TryGetValue(node, out var slots)) return;
        foreach (var id in slots.LostHere)
            if (_live.ContainsKey(id) && _awaitingGone.Add(id)) slots.AwaitingGone.Add(id);
    }

    /// <summary>Jobs of the node held by <see cref="HoldUntilGone"/> and not yet seen gone.</summary>
    public int AwaitingGoneOn(NodeId node) => _nodes.TryGetValue(node, out var slots) ? slots.AwaitingGone.Count : 0;

    /// <summary>The node was silent past its work lease: it killed every job it held itself, held ones included.</summary>
    public void Fenced(NodeId node)
    {
        if (!_nodes.TryGetValue(node, out var slots)) return;
        foreach (var id in slots.AwaitingGone) _awaitingGone.Remove(id);
        slots.AwaitingGone.Clear();
    }

    /// <summary>
    /// Running jobs past their cap (<paramref name="capOf"/> by kind) are failed as overdue and listed in
    /// <paramref name="overdue"/> with their node, for the caller to terminate. Scans the live jobs once.
    /// </summary>
    public void Reap(Instant now, System.Func<JobSpec, Duration> capOf, List<(JobId Job, NodeId Node)> overdue)
    {
        var start = overdue.Count;
        foreach (var (id, job) in _live)
            if (job.State == JobState.Running && now - job.Since > capOf(job.Spec)) overdue.Add((id, job.Node!.Value));
        for (var i = start; i < overdue.Count; i++)
        {
            var job = _live[overdue[i].Job];
            Lost++;
            End(job, JobState.Failed, "overdue: ran past its runtime cap", now);
        }
    }

    private static bool Contains(IReadOnlyList<JobId> ids, JobId id)
    {
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] == id) return true;
        return false;
    }
}
