using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    private readonly List<JobId> _reportedIds = new();
    private readonly List<JobId> _acks = new();

    /// <summary>
    /// A worker's report: results first (each applied once, by job id), then a quarantine if its GPU is not
    /// healthy, then its running set reconciled against the book (unknown jobs adopted, duplicates and
    /// orphans killed, vanished jobs lost), then its free slots filled; the answer goes back on the same connection, after the pipeline change it caused
    /// is durable. Ignored unless this node leads.
    /// </summary>
    public void OnReport(Instant now, NodeId from, JobReport report)
    {
        if (_epoch == 0 || !_workers.TryGetValue(from, out var worker) || report.Sequence <= worker.LastSequence) return;
        worker.LastSequence = report.Sequence;
        worker.HeardAt = now;
        _reports++;
        worker.Gpu = report.Gpu;
        worker.Reported = true;
        worker.PipelineVersion = report.Pipeline.Version;
        if (_rebuilding) AdoptPipeline(report.Pipeline);
        _acks.Clear();
        foreach (var result in report.Results) ApplyResult(now, from, result, report);
        // After the results: a job that ended normally in the same report as a hung GPU keeps its real end.
        if (report.Gpu != GpuHealth.Healthy) Quarantine(now, from, report);
        NotePromotions(now);
        ReconcileRunning(now, from, report.Running, OrdersSeen(report), adopt: report.Gpu == GpuHealth.Healthy);
        _assigned.Clear();
        PlaceOn(now, from, worker);
        BumpPipeline(force: false);
        // Every report is answered: the answer, echoing the report's sequence, renews the worker's work lease.
        SendOrders(from, isResponse: true, answers: report.Sequence);
        PublishStatus(now);
    }

    private void ReconcileRunning(Instant now, NodeId node, ImmutableArray<JobSpec> running, long ordersSeen, bool adopt)
    {
        _reportedIds.Clear();
        foreach (var spec in running)
        {
            _reportedIds.Add(spec.Id);
            if (_book.TryGet(spec.Id, out var job) && job.Node == node)
            {
                _book.MarkRunning(spec.Id, node, now);
                continue;
            }
            if (adopt && _book.Adopt(spec, node, _epoch, now))
            {
                _adopted++;
                NoteAdopted(spec);
            }
            else KillLater(node, spec.Id);
        }
        _lost.Clear();
        _book.Reconcile(node, _reportedIds, ordersSeen, now, _config.AssignTimeout, _lost);
        NotifyLost(node);
    }

    private void ApplyResult(Instant now, NodeId node, JobResult result, JobReport report)
    {
        _acks.Add(result.Job.Id);
        var id = result.Job.Id;
        if (result.Outcome == JobOutcome.NeverStarted)
        {
            // Only the node holding the assignment can give it up: a stale refusal from another leaves it.
            if (_book.TryGet(id, out var held) && held.Node == node) _book.Release(id, result.Reason, now, now + _config.FailureCooldown);
            return;
        }
        if (_book.HasFinished(id)) return;
        if (result.Outcome is JobOutcome.Fenced or JobOutcome.DiedWithNode)
        {
            ApplyFenced(now, node, result, report);
            return;
        }
        if (_book.TryGet(id, out var job))
        {
            // The book holds the job elsewhere (a retry after this execution was lost): this end is stale.
            if (job.Node != node) return;
            _book.Finish(id, node, result.Outcome == JobOutcome.Succeeded, result.Reason, now);
        }
        else _book.MarkFinished(id);
        _outbox.Notify(new JobEnded(id, result.Job.Kind, result.Job.Config, result.Outcome == JobOutcome.Succeeded, result.Reason));
        if (result.Outcome == JobOutcome.Succeeded || IsPartialSelfplay(result)) ApplyToPipeline(now, result);
    }

    /// <summary>A selfplay that ended early (killed, failed) still wrote games: they count once, with its end.</summary>
    private static bool IsPartialSelfplay(JobResult result) => result.Job.Kind == JobKind.Selfplay && result.Output > 0;

    /// <summary>
    /// A GPU that failed, hung or is misdetected quarantines its node: nothing new is placed there (see
    /// <c>PlaceOn</c>), and its jobs are killed and retried elsewhere (a hung job is alive but makes no
    /// progress) once the node reports them gone or is fenced (<see cref="JobBook.HoldUntilGone"/>). An
    /// assignment the worker may still launch stays held there (<see cref="JobBook.Quarantine"/>).
    /// </summary>
    private void Quarantine(Instant now, NodeId node, JobReport report)
    {
        if (_book.HeldBy(node) == 0) return;
        var held = _book.JobsOn(node);
        for (var i = held.Count - 1; i >= 0; i--) KillLater(node, held[i]);
        _lost.Clear();
        _reportedIds.Clear();
        foreach (var spec in report.Running) _reportedIds.Add(spec.Id);
        _book.Quarantine(node, _reportedIds, OrdersSeen(report), now, _lost);
        _book.HoldUntilGone(node);
        NotifyLost(node);
    }

    /// <summary>The orders the report says the worker applied; none of this leader's when it answers another epoch.</summary>
    private long OrdersSeen(JobReport report) => report.Epoch == _epoch ? report.OrdersSeen : 0;

    /// <summary>
    /// The worker killed the job itself when its work lease lapsed. If the book still holds it there (the
    /// leader heard the node again before the retry was due), the execution is lost and retried; if the
    /// book holds it elsewhere it was retried already; if the book never held it (assigned by an earlier
    /// leader), it ends here as failed with the reason, its demand derived again from state. Its output
    /// never counts. The end of an earlier execution on that node, repeated until acknowledged, is not
    /// the assignment the book holds there now (<see cref="IsOfEarlierExecution"/>) and changes nothing.
    /// </summary>
    private void ApplyFenced(Instant now, NodeId node, JobResult result, JobReport report)
    {
        var (spec, reason) = (result.Job, result.Reason);
        var id = spec.Id;
        if (!_book.TryGet(id, out var job))
        {
            _book.MarkFinished(id);
            _outbox.Notify(new JobEnded(id, spec.Kind, spec.Config, false, reason));
            return;
        }
        if (job.Node != node || IsOfEarlierExecution(job, result.Outcome, report)) return;
        _lost.Clear();
        // Either way the worker had launched it: one execution (one attempt) is lost, whether or not its report arrived.
        _book.MarkRunning(id, node, now);
        if (_book.MarkLost(id, reason, now)) _lost.Add(id);
        NotifyLost(node);
    }

    /// <summary>
    /// An end cannot be the book's current assignment on the node when the same report still runs the job
    /// (a later execution), nor a fenced end when the job is only assigned and the worker is not yet past
    /// the orders that carried it (it never saw this assignment). A restarted node's died-with-node end has
    /// no orders to be past: it names the journaled execution.
    /// </summary>
    private bool IsOfEarlierExecution(JobRecord job, JobOutcome outcome, JobReport report)
    {
        foreach (var running in report.Running)
            if (running.Id == job.Id) return true;
        return outcome == JobOutcome.Fenced && job.State == JobState.Assigned
            && (report.Epoch != _epoch || report.OrdersSeen < job.Orders);
    }

    /// <summary>
    /// Sends the node its orders: assignments made now, kills waiting for it, acknowledgements, the
    /// snapshot, and the report they answer (0 when pushed unasked).
    /// </summary>
    private void SendOrders(NodeId node, bool isResponse, long answers = 0)
    {
        var kills = ImmutableArray<JobId>.Empty;
        if (_kills.Remove(node, out var list)) kills = [.. list];
        var sequence = _workers.TryGetValue(node, out var worker) ? ++worker.OrdersSent : 0;
        foreach (var job in _assigned) _book.SentIn(job.Id, sequence);
        var orders = new JobOrders(_epoch, [.. _assigned], kills, [.. _acks], Snapshot(), answers, sequence);
        _acks.Clear();
        _outbox.SendWhenDurable(new Outbound(node, orders, isResponse));
    }
}
