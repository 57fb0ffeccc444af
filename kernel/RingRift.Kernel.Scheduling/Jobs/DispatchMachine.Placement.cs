namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    private const int SelfplayPriority = 50;
    private const int GauntletPriority = 90;
    private const int TrainingPriority = 100;
    private const int TrainingVramGbMin = 40;
    private static readonly int SelfplayOnly = JobBook.KindBit(JobKind.Selfplay);
    private static readonly int GauntletOrSelfplay = SelfplayOnly | JobBook.KindBit(JobKind.Gauntlet);
    private static readonly int AnyKind = GauntletOrSelfplay | JobBook.KindBit(JobKind.Training);

    /// <summary>
    /// Fills the node's free slots from the pending queue, highest priority first. Nothing is placed
    /// while halted or rebuilding, on an unhealthy (quarantined) GPU, on a node not seen Alive, or in its
    /// cooldown. Training and gauntlets stop taking slots once they hold their share of the cluster's.
    /// </summary>
    private void PlaceOn(Instant now, NodeId node, WorkerInfo worker)
    {
        if (Halted || _rebuilding || worker.Gpu != GpuHealth.Healthy || !worker.Reported) return;
        if (node != _self && worker.Member != MemberState.Alive) return;
        if (_book.InCooldown(node, now)) return;
        var free = _book.FreeSlots(node);
        while (free > 0 && _assigned.Count < SchedulingConfig.JobsPerMessageMax)
        {
            var job = _book.FirstPending(KindsFor(worker), ScanMax);
            if (job is null) break;
            _book.Assign(job, node, _epoch, now);
            _outbox.Notify(new JobAssigned(job.Id, job.Spec.Kind, job.Spec.Config, node, _epoch));
            _assigned.Add(job.Spec);
            free--;
        }
    }

    private int KindsFor(WorkerInfo worker)
    {
        var pipelineHeld = _book.HeldOfKind(JobKind.Training) + _book.HeldOfKind(JobKind.Gauntlet);
        if (pipelineHeld >= _config.TrainingShareMax.Of(_totalSlots)) return SelfplayOnly;
        return worker.Profile.Gpu.VramGb >= TrainingVramGbMin ? AnyKind : GauntletOrSelfplay;
    }

    /// <summary>Pushes work (and pending kills) to dialable workers with free slots; NAT-blocked ones pull.</summary>
    private void PushToDialable(Instant now)
    {
        foreach (var (node, worker) in _workers)
        {
            if (worker.Profile.NatBlocked) continue;
            _assigned.Clear();
            PlaceOn(now, node, worker);
            if (_assigned.Count > 0 || _kills.ContainsKey(node)) SendOrders(node, isResponse: false);
        }
    }

    /// <summary>Keeps as much selfplay queued as the cluster has slots, each config drawn by weight.</summary>
    private void PopulateSelfplay(Instant now)
    {
        var target = System.Math.Max(1, _totalSlots);
        var queued = _book.PendingCount;
        while (queued < target && _book.LiveCount < _book.Limits.JobsMax)
        {
            var config = BoardConfigs.Names[PickConfig()];
            var id = new JobId($"sp-{_epoch}-{++_jobSequence}");
            if (!_book.TryEnqueue(new JobSpec(id, JobKind.Selfplay, config, 1), SelfplayPriority, now)) break;
            queued++;
        }
    }

    /// <summary>
    /// A weighted pick with the seeded PRNG: each config's base priority plus a bootstrap boost while it
    /// has few games (the original's 100 / 75 / 50 / 25 below 50 / 500 / 2,000 / 5,000 games).
    /// </summary>
    private int PickConfig()
    {
        System.Span<int> weights = stackalloc int[BoardConfigs.Count];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var games = _pipeline[i].Games;
            var boost = games < 50 ? 100 : games < 500 ? 75 : games < 2000 ? 50 : games < 5000 ? 25 : 0;
            weights[i] = BoardConfigs.BasePriority[i] * 10 + boost;
            total += weights[i];
        }
        var draw = (int)_prng.NextBelow((ulong)total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (draw < weights[i]) return i;
            draw -= weights[i];
        }
        return weights.Length - 1;
    }
}
