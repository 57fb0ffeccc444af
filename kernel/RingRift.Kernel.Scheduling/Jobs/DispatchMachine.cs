using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The leader's side of dispatch. While this node leads (the election's role and epoch), it keeps the
/// <see cref="JobBook"/>: it first rebuilds it from its workers' reports for the rebuild window (adopting
/// what runs, never placing), then plans every plan interval: jobs of dead nodes are lost and retried,
/// overdue jobs are reaped, the training pipeline is reconciled from its state, selfplay demand is kept
/// queued, and free slots are filled — pushed to dialable workers, and given in answer to every report
/// (the pull path, the only one for NAT-blocked workers). Every order carries the leader's epoch. When
/// leadership ends the book is dropped; the next leader rebuilds. Single-threaded; owned by one kernel.
/// </summary>
public sealed partial class DispatchMachine
{
    private const int ScanMax = 64;
    private readonly SchedulingConfig _config;
    private readonly NodeId _self;
    private readonly Outbox _outbox;
    private readonly IDurableStore _store;
    private readonly Prng _prng;
    private readonly JobBook _book;
    private readonly SortedDictionary<NodeId, WorkerInfo> _workers = new();
    // The same workers in node-id order, for the plan's scans: a SortedDictionary's enumerator allocates.
    private readonly WorkerInfo[] _workerOrder;
    private readonly System.Func<JobSpec, Duration> _capOf;
    private readonly Dictionary<NodeId, List<JobId>> _kills = new();
    private readonly List<JobId> _lost = new();
    private readonly List<(JobId Job, NodeId Node)> _overdue = new();
    private readonly List<JobSpec> _assigned = new();
    private readonly int _totalSlots, _totalGpus;
    private readonly int _gpuNodes;
    private long _epoch;
    private Instant _rebuildUntil;
    private bool _rebuilding;
    private int _adopted, _reports;
    private Instant _nextPlan = Instant.MaxValue;
    private long _jobSequence;
    private Instant? _stalledSince;
    private bool _alarmed;
    private (int Pending, int Assigned, int Running) _lastStatus = (-1, -1, -1);
    private readonly Duration _retryAfterSilence;

    /// <summary><paramref name="driftBoundPpm"/> stretches the work lease into the silence the leader waits before retrying (<see cref="WorkLeaseMath"/>).</summary>
    public DispatchMachine(
        SchedulingConfig config, NodeId self, ImmutableArray<NodeProfile> cluster, Outbox outbox, IDurableStore store, Prng prng,
        int driftBoundPpm = 500)
    {
        _retryAfterSilence = config.RetryAfterSilence(driftBoundPpm);
        _config = config;
        _self = self;
        _outbox = outbox;
        _store = store;
        _prng = prng;
        _book = new JobBook(JobBookLimits.Default);
        foreach (var profile in cluster)
        {
            var capacity = config.CapacityOf(profile);
            if (capacity.Slots == 0) continue;
            _workers.Add(profile.Node, new WorkerInfo(profile, capacity));
            _totalSlots += capacity.Slots;
            _totalGpus += profile.Gpu.Count;
            _gpuNodes++;
        }
        _workerOrder = [.. _workers.Values];
        _capOf = config.CapOf;
        InitPipeline(store.Current.Pipeline);
    }

    /// <summary>Read-only inspection for tests and benchmarks.</summary>
    public JobBook Book => _book;

    /// <summary>The epoch this node leads at, 0 when it does not lead.</summary>
    public long Epoch => _epoch;

    public bool IsRebuilding => _rebuilding;

    /// <summary>
    /// While work is pending with nothing assigned or running: how many workers that could take work (see
    /// <c>CanTakeWork</c>) the leader heard within the retry silence at its last plan (0 otherwise). A stall with none is an
    /// outage of reachable capacity (a partition, every GPU down), not a broken dispatch path.
    /// </summary>
    public int UsableWorkersWhileStalled { get; private set; }

    /// <summary>When set (an operator stop, or a broken dispatch path in a scenario), nothing is placed.</summary>
    public bool Halted { get; set; }

    public Instant NextDeadline => _epoch == 0 ? Instant.MaxValue : _nextPlan;

    /// <summary>
    /// Follows the election: starts a rebuild when this node begins leading at a new epoch, drops the
    /// book when it stops, and plans when the plan interval is due. <paramref name="members"/> is the
    /// membership view (node-id order); <paramref name="known"/> the newest pipeline snapshot this node holds.
    /// </summary>
    public void Tick(Instant now, bool leading, long epoch, ImmutableArray<MemberView> members, PipelineSnapshot known)
    {
        if (!leading)
        {
            if (_epoch != 0) StepDown();
            return;
        }
        if (epoch != _epoch) BeginLeading(now, epoch, known);
        if (now < _nextPlan) return;
        _nextPlan = now + _config.PlanInterval;
        RefreshMembers(members);
        if (_rebuilding)
        {
            if (now < _rebuildUntil) return;
            FinishRebuild();
        }
        Plan(now);
    }

    private void BeginLeading(Instant now, long epoch, PipelineSnapshot known)
    {
        _book.Clear();
        _kills.Clear();
        _stopped.Clear();
        _roomFor.Clear();
        _epoch = epoch;
        _rebuilding = true;
        _rebuildUntil = now + _config.RebuildWindow;
        _adopted = _reports = 0;
        _nextPlan = now;
        _stalledSince = null;
        _alarmed = false;
        foreach (var worker in _workerOrder)
        {
            var node = worker.Profile.Node;
            _book.SetCapacity(node, worker.Capacity);
            worker.Reported = false;
            worker.OrdersSent = 0;
            // A new leader has heard no one yet: the silence that lets it retry starts now.
            worker.HeardAt = now;
        }
        AdoptPipeline(known);
    }

    private void FinishRebuild()
    {
        _rebuilding = false;
        BumpPipeline(force: true);
        _outbox.Notify(new BookRebuilt(_epoch, _adopted, _reports, _pipelineVersion));
    }

    private void StepDown()
    {
        _book.Clear();
        _kills.Clear();
        _roomFor.Clear();
        _epoch = 0;
        _rebuilding = false;
        _nextPlan = Instant.MaxValue;
    }

    private int CountUsableWorkers(Instant now)
    {
        var usable = 0;
        foreach (var worker in _workerOrder)
            if (now - worker.HeardAt < _retryAfterSilence && CanTakeWork(now, worker.Profile.Node, worker)) usable++;
        return usable;
    }

    private void RefreshMembers(ImmutableArray<MemberView> members)
    {
        foreach (var view in members)
            if (_workers.TryGetValue(view.Peer, out var worker)) worker.Member = view.State;
    }

    private void Plan(Instant now)
    {
        ReapLostNodes(now);
        ReapOverdue(now);
        ReconcilePipeline(now);
        NotePromotions(now);
        _stopped.RemoveWhere(_notRunning ??= NotRunning);
        StopStaleSelfplay(now);
        MakeRoomForTrainings(now);
        PopulateSelfplay(now);
        PushToDialable(now);
        CheckDistribution();
        PublishStatus(now);
    }

    /// <summary>
    /// A node's jobs are lost once the leader has not heard it for the work lease stretched by the drift
    /// bound plus the margin (<see cref="WorkLeaseMath"/>): by then the node has killed them itself, so
    /// the retry never runs beside them. Membership alone never decides it: a node declared dead may still
    /// run its jobs (a partition, a pause), and a node alive in membership whose reports do not arrive
    /// has fenced itself all the same.
    /// </summary>
    private void ReapLostNodes(Instant now)
    {
        foreach (var worker in _workerOrder)
        {
            var node = worker.Profile.Node;
            if (now - worker.HeardAt < _retryAfterSilence || _book.HeldBy(node) + _book.AwaitingGoneOn(node) == 0) continue;
            _lost.Clear();
            _book.NodeDown(node, now, _lost);
            _book.Fenced(node);
            NotifyLost(node);
        }
    }

    private void ReapOverdue(Instant now)
    {
        _overdue.Clear();
        _book.Reap(now, _capOf, _overdue);
        foreach (var (job, node) in _overdue)
        {
            KillLater(node, job);
            _outbox.Notify(new JobLost(job, node, Retried: false, _epoch));
        }
    }

    private void NotifyLost(NodeId node)
    {
        foreach (var job in _lost)
            _outbox.Notify(new JobLost(job, node, Retried: _book.TryGet(job, out var record) && record.State == JobState.Pending, _epoch));
    }

    /// <summary>Queues the kill for the node's next orders; false when they are full (a later plan or report finds the job again).</summary>
    private bool KillLater(NodeId node, JobId job)
    {
        if (!_kills.TryGetValue(node, out var list)) _kills.Add(node, list = new List<JobId>());
        if (list.Contains(job)) return true;
        if (list.Count >= SchedulingConfig.JobsPerMessageMax) return false;
        list.Add(job);
        return true;
    }

    /// <summary>Emits the book's counts when they changed, and raises the stall alarm once per stall.</summary>
    private void PublishStatus(Instant now)
    {
        var status = (_book.PendingCount, _book.AssignedCount, _book.RunningCount);
        if (status != _lastStatus)
        {
            _lastStatus = status;
            _outbox.Notify(new DispatchStatus(_epoch, status.Item1, status.Item2, status.Item3));
        }
        if (_book.PendingCount == 0 || _book.AssignedCount + _book.RunningCount > 0)
        {
            _stalledSince = null;
            _alarmed = false;
            UsableWorkersWhileStalled = 0;
            return;
        }
        _stalledSince ??= now;
        UsableWorkersWhileStalled = CountUsableWorkers(now);
        if (!_alarmed && now - _stalledSince.Value >= _config.StallAlarmAfter)
        {
            _alarmed = true;
            _outbox.Notify(new DispatchStalled(_epoch, _book.PendingCount, now - _stalledSince.Value));
        }
    }
}
