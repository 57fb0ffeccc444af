using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    private readonly (long Generation, Instant SeenAt)[] _promotionSeen = new (long, Instant)[SelfplayConfig.Count];
    // Running jobs the leader stopped (stale model, or room for a training): each execution is stopped once;
    // forgotten once it no longer runs (ended, or lost and back to pending: its next execution may be stopped again).
    private readonly HashSet<JobId> _stopped = new();
    private System.Predicate<JobId>? _notRunning;

    /// <summary>
    /// How long after a config's promotion (as this leader first saw it) a running selfplay of the config
    /// is stopped on a node that <see cref="Admits"/> no longer lets play it (the node still lacks the
    /// promoted model while another live node holds it). Null (the default): running selfplay is never stopped.
    /// </summary>
    public Duration? StopStaleSelfplayAfter { get; set; }

    /// <summary>
    /// Selfplay that began before its config's promotion keeps playing the older model: once the promotion
    /// is <see cref="StopStaleSelfplayAfter"/> old, each such job whose node placement would no longer
    /// admit is killed with the node's next orders, once. Its end comes back as any killed job's does and
    /// frees the slot, which placement then fills (another config there, this one elsewhere).
    /// </summary>
    private void StopStaleSelfplay(Instant now)
    {
        if (StopStaleSelfplayAfter is not { } after || Admits is not { } admits || _rebuilding) return;
        foreach (var worker in _workerOrder)
        {
            var node = worker.Profile.Node;
            foreach (var id in _book.JobsOn(node))
                if (_book.TryGet(id, out var job) && IsStale(now, after, job) && !admits(node, job.Spec) && !_stopped.Contains(id))
                    Stop(now, node, job);
        }
    }

    private bool IsStale(Instant now, Duration after, JobRecord job) =>
        job.State == JobState.Running && job.Spec.Kind == JobKind.Selfplay && ConfigKeys.IndexOf(job.Spec.Config) is var c && c >= 0
        && _promotionSeen[c].Generation > 0 && now - _promotionSeen[c].SeenAt >= after;

    private void Stop(Instant now, NodeId node, JobRecord job)
    {
        var c = ConfigKeys.IndexOf(job.Spec.Config);
        if (!KillLater(node, job.Id)) return;
        _stopped.Add(job.Id);
        _outbox.Notify(new SelfplayStoppedStale(job.Id, node, job.Spec.Config, _promotionSeen[c].Generation, now - _promotionSeen[c].SeenAt));
    }

    /// <summary>
    /// When this leader first saw each config's promoted generation: at once when it promotes (a report's
    /// gauntlet result), at its first plan when it took the promotion over from an earlier leader.
    /// </summary>
    private void NotePromotions(Instant now)
    {
        for (var c = 0; c < _promotionSeen.Length; c++)
            if (_pipeline[c].Promoted != _promotionSeen[c].Generation) _promotionSeen[c] = (_pipeline[c].Promoted, now);
    }

    private bool NotRunning(JobId id) => !_book.TryGet(id, out var job) || job.State != JobState.Running;
}
