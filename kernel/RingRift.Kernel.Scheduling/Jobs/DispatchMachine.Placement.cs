namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    private const int SelfplayPriority = 50;
    private const int GauntletPriority = 90;
    private const int TrainingPriority = 100;
    private const int EloTarget = 2000;
    private readonly ConfigStats[] _stats = new ConfigStats[SelfplayConfig.Count];
    private readonly long[] _weights = new long[SelfplayConfig.Count];
    private readonly Instant[] _lastSelfplayQueued = new Instant[SelfplayConfig.Count];
    private static readonly int SelfplayOnly = JobBook.KindBit(JobKind.Selfplay);
    private static readonly int GauntletOrSelfplay = SelfplayOnly | JobBook.KindBit(JobKind.Gauntlet);
    private static readonly int AnyKind = GauntletOrSelfplay | JobBook.KindBit(JobKind.Training);

    /// <summary>
    /// An extra placement rule a node may add (null: none): whether the node may take the job. Data sync
    /// uses it to hold a config's selfplay off a node until the promoted model reaches it.
    /// </summary>
    public System.Func<NodeId, JobSpec, bool>? Admits { get; set; }

    /// <summary>
    /// Fills the node's free slots from the pending queue, highest priority first (a job that does not fit
    /// what is free is passed over). Nothing is placed while halted or rebuilding, on an unhealthy
    /// (quarantined) GPU, on a node not seen Alive, or in its cooldown; a node set aside for a training
    /// takes only that training. Training and gauntlets stop taking slots once they hold their share.
    /// </summary>
    private void PlaceOn(Instant now, NodeId node, WorkerInfo worker)
    {
        if (Halted || _rebuilding || !CanTakeWork(now, node, worker) || PlaceSetAsideTraining(now, node)) return;
        while (_book.FreeSlots(node) > 0 && _assigned.Count < SchedulingConfig.JobsPerMessageMax
               && _book.FirstPending(KindsFor(worker, node), ScanMax, Admits, node) is { } job)
            Assign(now, node, job);
    }

    private void Assign(Instant now, NodeId node, JobRecord job)
    {
        _book.Assign(job, node, _epoch, now);
        _outbox.Notify(new JobAssigned(job.Id, job.Spec.Kind, job.Spec.Config, node, _epoch));
        _assigned.Add(job.Spec);
    }

    /// <summary>A worker that has reported, is not quarantined, is seen Alive (or is this node), is not cooling down and is not being drained for scale-down.</summary>
    private bool CanTakeWork(Instant now, NodeId node, WorkerInfo worker) =>
        worker.Reported && !NodeSelectionPlanner.ShouldQuarantine(Candidate(worker, node))
        && (node == _self || worker.Member == MemberState.Alive) && !_book.InCooldown(node, now)
        && !IsDraining(node);

    /// <summary>
    /// Which kinds the node may take now: selfplay only once training and gauntlets hold their share of
    /// the GPUs (counting each of their jobs as a whole GPU, as a training is); training only on a node
    /// <see cref="CanTrain"/>. Free slots are placement's business (<see cref="JobBook.FirstPending(int, int, System.Func{NodeId, JobSpec, bool}?, NodeId)"/>).
    /// </summary>
    private int KindsFor(WorkerInfo worker, NodeId node)
    {
        var pipelineHeld = _book.HeldOfKind(JobKind.Training) + _book.HeldOfKind(JobKind.Gauntlet);
        // At least one: a cluster of one to three GPUs still trains.
        if (pipelineHeld >= System.Math.Max(1, _config.TrainingShareMax.Of(_totalGpus))) return SelfplayOnly;
        return CanTrain(worker, node) ? AnyKind : GauntletOrSelfplay;
    }

    /// <summary>
    /// Whether the node is fit to train, whatever it runs now: the policy finds its profile capable of a
    /// training and its GPU class is at least an A100's (trainings go to the strong GPUs, as the original's
    /// training node ranking did).
    /// </summary>
    private bool CanTrain(WorkerInfo worker, NodeId node)
    {
        var candidate = Candidate(worker, node) with { SlotsFree = worker.Capacity.Slots };
        var demand = JobDemand.For(JobKind.Training, SelfplayConfig.All[0], _config.Policy);
        var strong = GpuPowerRanking.Score(candidate.Gpu) >= GpuPowerRanking.Score(GpuClass.A100);
        return strong && NodeSelectionPlanner.IsCapable(demand, candidate);
    }

    /// <summary>The policy's view of a worker: its GPU class and health, the book's free slots, its profile's memory and disk.</summary>
    private NodeCandidate Candidate(WorkerInfo worker, NodeId node) => new(
        node, GpuPowerRanking.FromProfile(worker.Profile.Gpu), worker.Gpu,
        ByteSize.FromGigabytes((long)worker.Profile.Gpu.VramGb), ByteSize.FromGigabytes(worker.Profile.MemoryGb) - _config.Policy.NodeRamReserve,
        ByteSize.FromGigabytes(worker.Profile.DiskGb), _book.FreeSlots(node), Draining: false, Quarantined: worker.Gpu != GpuHealth.Healthy);

    /// <summary>Pushes work (and pending kills) to dialable workers with free slots; NAT-blocked ones pull.</summary>
    private void PushToDialable(Instant now)
    {
        foreach (var worker in _workerOrder)
        {
            var node = worker.Profile.Node;
            if (worker.Profile.NatBlocked) continue;
            _assigned.Clear();
            PlaceOn(now, node, worker);
            if (_assigned.Count > 0 || _kills.ContainsKey(node)) SendOrders(node, isResponse: false);
        }
    }

    /// <summary>Keeps as much selfplay queued as the cluster has slots, each config drawn by the policy's weights.</summary>
    private void PopulateSelfplay(Instant now)
    {
        var target = System.Math.Max(1, _totalSlots);
        var queued = _book.PendingCount;
        if (queued >= target) return;
        WeighConfigs(now);
        while (queued < target && _book.LiveCount < _book.Limits.JobsMax)
        {
            var c = SelfplayPriorityPlanner.PickConfig(_weights, _prng);
            if (c < 0) break;
            var id = new JobId($"sp-{_epoch}-{++_jobSequence}");
            if (!_book.TryEnqueue(new JobSpec(id, JobKind.Selfplay, ConfigKeys.Key(c), 1), SelfplayPriority, now)) break;
            _lastSelfplayQueued[c] = now;
            queued++;
        }
    }

    /// <summary>
    /// The policy's priority of each config (static priority, Elo gap to the target, bootstrap boost for
    /// few games, staleness and starvation since its selfplay was last queued), from the pipeline's numbers.
    /// </summary>
    private void WeighConfigs(Instant now)
    {
        for (var c = 0; c < _stats.Length; c++)
        {
            var p = _pipeline[c];
            var since = _lastSelfplayQueued[c] == Instant.Zero ? Duration.FromHours(720) : now - _lastSelfplayQueued[c];
            _stats[c] = new ConfigStats(
                SelfplayConfig.All[c], p.Games, p.Games - p.GamesAtTraining, EloTarget - p.Elo, Ratio.One, since,
                _book.PendingSelfplayOf(c), _book.HeldSelfplayOf(c));
        }
        SelfplayPriorityPlanner.Weigh(_stats, _config.Policy, _weights);
    }
}
