namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    /// <summary>
    /// The healer's one action on the book: the selfplay job running longest on <paramref name="node"/>
    /// (ties by job id) is killed there with the node's next orders and lost, so it goes back to pending
    /// while attempts remain, exactly like a job on a quarantined GPU. Null when this node does not lead,
    /// is still rebuilding its book, or holds no running selfplay job there.
    /// </summary>
    public JobId? TerminateStuckSelfplay(NodeId node, Instant now, string reason)
    {
        if (_epoch == 0 || _rebuilding) return null;
        JobRecord? oldest = null;
        foreach (var id in _book.JobsOn(node))
        {
            if (!_book.TryGet(id, out var job) || job.State != JobState.Running || job.Spec.Kind != JobKind.Selfplay) continue;
            if (oldest is null || job.Since < oldest.Since || (job.Since == oldest.Since && job.Id.CompareTo(oldest.Id) < 0)) oldest = job;
        }
        if (oldest is null) return null;
        var stuck = oldest.Id;
        KillLater(node, stuck);
        _lost.Clear();
        if (_book.MarkLost(stuck, reason, now)) _lost.Add(stuck);
        NotifyLost(node);
        return stuck;
    }
}
