using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Reporting;

namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// Measures dispatch from what the nodes emit and from the process layer (a job runs from its launch until
/// its process ends, whether or not its paused kernel has heard), in O(1) per event (sets keyed by job id): GPU-seconds busy
/// and idle (integrated between changes), idle-to-work delays (a FIFO of idle-since times per node), job
/// counts, and the pipeline's promotions and distributions. Jobs take dispatch slots (a selfplay or gauntlet
/// process one, a training a whole GPU's, <see cref="NodeCapacity"/>); busy and idle time are in GPUs, each
/// busy slot counting as its share of a GPU (<see cref="GpuShares"/> per GPU), so a GPU is busy in
/// proportion to the processes sharing it and a node's GPUs weigh the same whatever their class. When a timeline records, every change of a
/// node's busy slots or usability, of the pending count, and every integrated stretch is handed to it, so
/// the report's GPU lanes and charts are these figures over time.
/// </summary>
internal sealed class JobMetrics
{
    /// <summary>One GPU in the busy and capacity sums: twelfths, exact for 1–4 selfplay processes per GPU.</summary>
    public const int GpuShares = 12;
    private readonly int[] _slots, _running, _sharePerSlot;
    private readonly NodeCapacity[] _capacityOf;
    private readonly Dictionary<(int Node, JobId Job), int> _taken = new();
    private readonly bool[] _usable;
    private readonly Queue<long>[] _idleSince;
    private readonly long _warmUp;
    private readonly Dictionary<JobId, (int Node, bool Selfplay, int Slots)> _runningOn = new();
    private readonly HashSet<JobId> _completed = new();
    private readonly List<long> _idleToWork = new();
    private readonly Dictionary<string, long> _promotedAt = new(System.StringComparer.Ordinal);
    private readonly List<Duration> _distribution = new();
    private long _selfplayRunning, _allRunning, _selfplayMicros, _allMicros;
    private long _busy, _capacity, _lastAt, _busyMicros, _capacityMicros, _idlePendingMicros;
    private int _pending;
    private long _duplicated, _lost, _retried, _training, _promotions, _alarms, _preempted;
    private int _overSlots;
    private readonly TimelineRecorder? _timeline;

    public JobMetrics(IReadOnlyList<NodeCapacity> capacity, long warmUp, TimelineRecorder? timeline = null)
    {
        _timeline = timeline;
        _capacityOf = [.. capacity];
        _slots = new int[capacity.Count];
        _sharePerSlot = new int[capacity.Count];
        for (var i = 0; i < capacity.Count; i++)
        {
            _slots[i] = capacity[i].Slots;
            _sharePerSlot[i] = GpuShares / System.Math.Max(1, capacity[i].SlotsPerGpu);
        }
        _running = new int[capacity.Count];
        _usable = new bool[capacity.Count];
        _idleSince = new Queue<long>[capacity.Count];
        for (var i = 0; i < capacity.Count; i++) _idleSince[i] = new Queue<long>();
        _warmUp = warmUp;
    }

    /// <summary>A node came up; its GPUs are usable only if they are healthy (one may have failed while it was down).</summary>
    public void OnBoot(long now, int node, bool gpuHealthy)
    {
        Advance(now);
        SetUsable(node, gpuHealthy);
        if (gpuHealthy)
            for (var i = 0; i < _slots[node]; i++) _idleSince[node].Enqueue(now);
        Publish(now, node);
    }

    public void OnCrash(long now, int node)
    {
        Advance(now);
        _busy -= BusySlots(node) * _sharePerSlot[node] * (_usable[node] ? 1 : 0);
        SetUsable(node, false);
        _running[node] = 0;
        _idleSince[node].Clear();
        var gone = new List<JobId>();
        foreach (var (job, where) in _runningOn)
            if (where.Node == node) gone.Add(job);
        foreach (var job in gone) Forget(job);
        var taken = new List<(int, JobId)>();
        foreach (var key in _taken.Keys)
            if (key.Node == node) taken.Add(key);
        foreach (var key in taken) _taken.Remove(key);
        Publish(now, node);
    }

    public void OnGpuHealth(long now, int node, bool healthy)
    {
        Advance(now);
        if (healthy == _usable[node]) return;
        var busy = BusySlots(node);
        _busy += (healthy ? busy : -busy) * _sharePerSlot[node];
        SetUsable(node, healthy);
        // Idle-to-work times are about usable GPUs: a quarantined GPU's wait starts when it recovers.
        _idleSince[node].Clear();
        if (healthy)
            for (var i = busy; i < _slots[node]; i++) _idleSince[node].Enqueue(now);
        Publish(now, node);
    }

    /// <summary>Hands the node's usable busy slots (the ones <see cref="_busy"/> counts, as GPU shares) to the timeline.</summary>
    private void Publish(long now, int node)
    {
        var busy = _usable[node] ? BusySlots(node) : 0;
        _timeline?.OnGpuWork(now, node, new GpuWork(busy, _slots[node], (long)busy * _sharePerSlot[node]), _usable[node]);
    }

    private void SetUsable(int node, bool usable)
    {
        if (_usable[node] == usable) return;
        _usable[node] = usable;
        _capacity += (usable ? _slots[node] : -_slots[node]) * _sharePerSlot[node];
    }

    public void OnNotice(long now, int node, Notice notice)
    {
        switch (notice)
        {
            case JobLaunched launched: Launched(now, node, launched.Job, launched.Kind); break;
            case JobLost lost:
                _lost++;
                if (lost.Retried) _retried++;
                break;
            case DispatchStatus status:
                Advance(now);
                _pending = status.Pending;
                _timeline?.OnPending(now, _pending);
                break;
            case DispatchStalled: _alarms++; break;
            case SelfplayPreempted: _preempted++; break;
            case ModelEvaluated { Promoted: true } promoted:
                if (_promotedAt.TryAdd(promoted.Config + "/" + promoted.Generation, now)) _promotions++;
                break;
            case ModelDistributed distributed:
                if (_promotedAt.Remove(distributed.Config + "/" + distributed.Generation, out var at)) _distribution.Add(new Duration(now - at));
                break;
        }
    }

    /// <summary>A job's process on the node ended (exited, killed, or never started).</summary>
    public void OnProcessEnded(long now, int node, JobId job, bool succeeded) => Ended(now, node, job, succeeded);

    private void Launched(long now, int node, JobId job, JobKind kind)
    {
        Advance(now);
        var selfplay = kind == JobKind.Selfplay;
        var slots = _capacityOf[node].SlotsTaken(kind);
        if (!_runningOn.TryAdd(job, (node, selfplay, slots))) _duplicated++;
        else
        {
            _allRunning += slots;
            if (selfplay) _selfplayRunning += slots;
        }
        _taken[(node, job)] = _taken.GetValueOrDefault((node, job)) + slots;
        Occupy(node, slots);
        _overSlots = System.Math.Max(_overSlots, _running[node] - _slots[node]);
        for (var i = 0; i < slots; i++)
            if (_idleSince[node].TryDequeue(out var since) && since >= _warmUp) _idleToWork.Add(now - since);
        Publish(now, node);
    }

    private void Ended(long now, int node, JobId job, bool succeeded)
    {
        Advance(now);
        if (_runningOn.TryGetValue(job, out var where) && where.Node == node) Forget(job);
        if (!_taken.Remove((node, job), out var slots)) return;
        var before = _running[node];
        Occupy(node, -slots);
        Publish(now, node);
        for (var free = _running[node]; free < System.Math.Min(before, _slots[node]); free++) _idleSince[node].Enqueue(now);
        if (succeeded && !_completed.Add(job)) _duplicated++;
        if (succeeded && job.Value.StartsWith("train-", System.StringComparison.Ordinal)) _training++;
    }

    /// <summary>The node's slots in use, up to its capacity (jobs beyond it make no GPU busier).</summary>
    private int BusySlots(int node) => System.Math.Min(_running[node], _slots[node]);

    /// <summary>Adds <paramref name="slots"/> (negative: frees them) to the node's use; busy counts only usable slots within its capacity.</summary>
    private void Occupy(int node, int slots)
    {
        var before = BusySlots(node);
        _running[node] += slots;
        if (_usable[node]) _busy += (BusySlots(node) - before) * _sharePerSlot[node];
    }

    private void Forget(JobId job)
    {
        if (!_runningOn.Remove(job, out var where)) return;
        _allRunning -= where.Slots;
        if (where.Selfplay) _selfplayRunning -= where.Slots;
    }

    /// <summary>Integrates up to <paramref name="now"/> (and hands that stretch to the timeline) without a change.</summary>
    public void AdvanceTo(long now) => Advance(now);

    private void Advance(long now)
    {
        if (now <= _lastAt) return;
        var from = System.Math.Max(_lastAt, _warmUp);
        if (now > from)
        {
            _busyMicros += _busy * (now - from);
            _capacityMicros += _capacity * (now - from);
            _selfplayMicros += _selfplayRunning * (now - from);
            _allMicros += _allRunning * (now - from);
            _timeline?.OnGpuTime(from, now, _busy, _capacity);
        }
        if (_pending > 0)
        {
            _idlePendingMicros += (_capacity - _busy) * (now - _lastAt);
            _timeline?.OnIdlePending(_lastAt, now, _capacity - _busy);
        }
        _lastAt = now;
    }

    public JobFigures Figures(long now, WorkloadModel model, Duration simulated)
    {
        Advance(now);
        var sorted = _idleToWork.ToArray();
        System.Array.Sort(sorted);
        var games = model.Games;
        long min = long.MaxValue, max = 0;
        var perHour = ImmutableArray.CreateBuilder<long>(games.Length);
        var hours = System.Math.Max(1, simulated.Micros / Duration.FromHours(1).Micros);
        foreach (var g in games)
        {
            min = System.Math.Min(min, g);
            max = System.Math.Max(max, g);
            perHour.Add(g / hours);
        }
        return new JobFigures(
            _capacityMicros == 0 ? 0 : (int)(_busyMicros * 10_000 / _capacityMicros),
            _idlePendingMicros / GpuShares / 1_000_000,
            new Duration(NearestRank.Of(sorted, 50)), new Duration(NearestRank.Of(sorted, 99)), sorted.Length,
            _completed.Count, _lost, _duplicated, _retried, _overSlots,
            max == 0 ? 0 : (int)(min * 10_000 / max), perHour.MoveToImmutable(),
            _training, _promotions, [.. _distribution], _alarms)
        {
            SelfplayShareBasisPoints = _allMicros == 0 ? 0 : (int)(_selfplayMicros * 10_000 / _allMicros),
            SelfplayPreempted = _preempted,
        };
    }

}
